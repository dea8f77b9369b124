package org.vireo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;

/** The layer rules of DEVELOPERS.md, checked on the production classes. */
@AnalyzeClasses(packages = "org.vireo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyLibvirtPackageTouchesLibvirt = noClasses()
            .that().resideOutsideOfPackage("org.vireo.libvirt..")
            .should().dependOnClassesThat().resideInAPackage("org.libvirt..")
            .because("only org.vireo.libvirt may import org.libvirt");

    @ArchTest
    static final ArchRule onlyStoreTouchesJdbc = noClasses()
            .that().resideOutsideOfPackage("org.vireo.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("only org.vireo.store may use JDBC");

    @ArchTest
    static final ArchRule onlySshPackageTouchesJsch = noClasses()
            .that().resideOutsideOfPackage("org.vireo.ssh..")
            .should().dependOnClassesThat().resideInAPackage("com.jcraft..")
            .because("only org.vireo.ssh may use JSch");

    @ArchTest
    static final ArchRule terminalWidgetsOnlyInTerminalPackages = noClasses()
            .that().resideOutsideOfPackages("org.vireo.terminal..", "org.vireo.ui.terminal..")
            .should().dependOnClassesThat().resideInAPackage("com.techsenger.jeditermfx..")
            .because("JediTermFX lives behind the terminal tab");

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses()
            .that().resideInAPackage("org.vireo.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.libvirt..", "java.sql..", "com.jcraft..",
                    "org.vireo.service..", "org.vireo.ui..", "org.vireo.libvirt..", "org.vireo.store..", "org.vireo.ssh..",
                    "org.vireo.rfb..", "org.vireo.terminal..", "org.vireo.app..")
            .because("model holds plain records and imports nothing of Vireo's");

    @ArchTest
    static final ArchRule portsAndRulesArePlainJava = noClasses()
            .that().resideInAnyPackage("org.vireo.service", "org.vireo.service.create")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.libvirt..", "java.sql..", "com.jcraft..",
                    "org.vireo.service.fleet..", "org.vireo.ui..", "org.vireo.libvirt..", "org.vireo.store..", "org.vireo.ssh..",
                    "org.vireo.rfb..", "org.vireo.terminal..", "org.vireo.app..")
            .because("the ports and the create-VM rules know only the model");

    @ArchTest
    static final ArchRule servicesKnowNoUi = noClasses()
            .that().resideInAnyPackage("org.vireo.libvirt..", "org.vireo.store..", "org.vireo.service..", "org.vireo.ssh..",
                    "org.vireo.rfb..", "org.vireo.terminal..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.vireo.ui..", "org.vireo.app..")
            .because("services never touch JavaFX; results reach view models through listeners");

    @ArchTest
    static final ArchRule uiKnowsServicesOnlyThroughInterfaces = noClasses()
            .that().resideInAPackage("org.vireo.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vireo.libvirt..", "org.vireo.store..", "org.vireo.service.fleet..",
                    "org.vireo.app..")
            .because("views and view models talk to services through the ports in org.vireo.service");

    @ArchTest
    static final ArchRule viewModelsNeverTouchNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("a view model holds state and actions; only views build nodes");

    @ArchTest
    static final ArchRule runLaterOnlyThroughTheBatchQueue = noClasses()
            .that().doNotHaveFullyQualifiedName("org.vireo.ui.common.FxBatchQueue")
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .because("results reach the FX thread in batches through FxBatchQueue, never one runLater per item");

    @ArchTest
    static final ArchRule noBareThreadsInUi = noClasses()
            .that().resideInAPackage("org.vireo.ui..")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .because("the UI starts no threads of its own; work runs on node workers");
}
