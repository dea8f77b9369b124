package org.vireo;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
            .that().resideInAnyPackage("org.vireo.service", "org.vireo.service.create", "org.vireo.service.device")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.libvirt..", "java.sql..", "com.jcraft..",
                    "org.vireo.service.fleet..", "org.vireo.ui..", "org.vireo.libvirt..", "org.vireo.store..", "org.vireo.ssh..",
                    "org.vireo.rfb..", "org.vireo.terminal..", "org.vireo.app..")
            .because("the ports and the create-VM rules know only the model");

    @ArchTest
    static final ArchRule servicesKnowNoUi = noClasses()
            .that().resideInAnyPackage("org.vireo.libvirt..", "org.vireo.store..", "org.vireo.service..", "org.vireo.ssh..",
                    "org.vireo.rfb..", "org.vireo.terminal..", "org.vireo.osinfo..")
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

    /** The types of ssh, rfb and terminal that the UI may name: ports and values, never sessions or sockets. */
    static final List<String> UI_MAY_USE = List.of("org.vireo.ssh.SshPrompts", "org.vireo.ssh.SshTarget",
            "org.vireo.terminal.TerminalService", "org.vireo.rfb.RfbClient", "org.vireo.rfb.Framebuffer");

    private static final DescribedPredicate<JavaClass> NAMED_FOR_THE_UI = DescribedPredicate.describe("a port or value named for the UI",
            type -> UI_MAY_USE.stream().anyMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$")));

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("org.vireo.(*)..")
            .should().beFreeOfCycles()
            .because("each top-level package builds on those below it, never back");

    @ArchTest
    static final ArchRule noCyclesBetweenUiFeatures = slices().matching("org.vireo.ui.(*)..")
            .should().beFreeOfCycles()
            .because("a screen may open another screen's dialog, but two screens never depend on each other");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("org.vireo.app..")
            .layer("Ui").definedBy("org.vireo.ui..")
            .layer("Adapters").definedBy("org.vireo.libvirt..", "org.vireo.store..", "org.vireo.ssh..", "org.vireo.rfb..",
                    "org.vireo.terminal..", "org.vireo.service.fleet..", "org.vireo.osinfo..")
            .layer("Ports").definedBy("org.vireo.service", "org.vireo.service.create..", "org.vireo.service.device..")
            .layer("Model").definedBy("org.vireo.model..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("App", "Ui")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("App", "Ui", "Adapters")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("App", "Ui", "Adapters", "Ports")
            .because("app wires ui, ui talks to ports, adapters implement ports, everything speaks the model (README)");

    @ArchTest
    static final ArchRule uiReachesSshRfbAndTerminalOnlyThroughNamedTypes = noClasses()
            .that().resideInAPackage("org.vireo.ui..")
            .should().dependOnClassesThat(resideInAnyPackage("org.vireo.ssh..", "org.vireo.rfb..", "org.vireo.terminal..")
                    .and(not(NAMED_FOR_THE_UI)))
            .because("the UI names only " + UI_MAY_USE + " of those packages; sessions, channels and sockets stay behind them");

    @ArchTest
    static final ArchRule noCommonPoolWorkStartedInUi = noClasses()
            .that().resideInAPackage("org.vireo.ui..")
            .should().callMethod(CompletableFuture.class, "supplyAsync", Supplier.class)
            .orShould().callMethod(CompletableFuture.class, "runAsync", Runnable.class)
            .orShould().callMethod(CompletableFuture.class, "thenApplyAsync", Function.class)
            .orShould().callMethod(CompletableFuture.class, "thenAcceptAsync", Consumer.class)
            .orShould().callMethod(CompletableFuture.class, "thenRunAsync", Runnable.class)
            .orShould().callMethod(CompletableFuture.class, "thenComposeAsync", Function.class)
            .orShould().callMethod(CompletableFuture.class, "whenCompleteAsync", BiConsumer.class)
            .orShould().callMethod(ForkJoinPool.class, "commonPool")
            .because("the UI's work runs on node workers, the store's thread or the app's local-work thread, through ServiceCalls");
}
