package org.vireo.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.NodeRef;
import org.vireo.osinfo.OsinfoReader;
import org.vireo.service.create.CryptPasswordHasher;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.SpecValidator;
import org.vireo.testlab.LocalFiles;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.ui.FxQueue;

/**
 * The wizard's media detection on a node (a private libvirtd's pool with ISOs made by xorriso): choosing the Debian 11
 * netinst selects osinfo-db's Debian 11 with its recommended memory and says so; an ISO osinfo-db does not know says
 * that and keeps the user's choice; an OS typed by short id is found; a size below the OS's minimum is a warning.
 */
class MediaDetectionTest {

    @TempDir
    Path dir;

    private final FxQueue fx = new FxQueue();

    @Test
    void anIsoOnTheNodeChoosesItsOs() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path pool = Files.createDirectories(dir.resolve("isos"));
            LocalFiles.iso(pool.resolve("debian-11.7.0-amd64-netinst.iso"), "-V", "Debian 11.7.0 amd64 n");
            LocalFiles.iso(pool.resolve("holiday.iso"), "-V", "HOLIDAY 2026");
            daemon.dirPool("isos", pool);
            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            try {
                NodeRef node = new NodeRef("n", "node", uri);
                fleet.connectAndWait(node, Duration.ofSeconds(20));
                CreateVmWizardViewModel wizard = new CreateVmWizardViewModel(fleet, new SpecValidator(new CryptPasswordHasher()),
                        List.of(node), fx);
                wizard.setCatalogue(OsinfoReader.system());
                fx.drainUntil("the node's facts arrive", 20, () -> wizard.factsProperty().get() != null);
                wizard.installKind.set("iso");
                wizard.installPath.set(pool.resolve("debian-11.7.0-amd64-netinst.iso").toString());
                fx.drainUntil("the medium is recognised", 20, () -> !wizard.detectedProperty().get().isEmpty());
                assertEquals("Detected from the medium: Debian 11 (debian11).", wizard.detectedProperty().get());
                assertEquals("debian11", wizard.osEntryProperty().get().shortId());
                assertEquals(OsVariant.DEBIAN_12, wizard.os.get(), "the Debian family's devices");
                assertEquals("1024 MiB", wizard.memory.get(), "osinfo-db's recommended memory, where the user had not typed one");
                assertEquals("20 GiB", wizard.diskSize.get());

                wizard.memory.set("512 MiB");
                wizard.name.set("deb11");
                fx.drainUntil("checked", 5, () -> wizard.warnings().containsKey(SpecValidator.Field.MEMORY));
                assertEquals("Debian 11 needs at least 1 GiB of memory.", wizard.warnings().get(SpecValidator.Field.MEMORY));

                wizard.osEntryProperty().set(wizard.osEntryNamed("fedora37"));
                assertEquals(OsVariant.FEDORA_41, wizard.os.get());
                assertEquals("512 MiB", wizard.memory.get(), "a size the user typed stays");

                // A path being typed (no volume of the node) is not read, and changes nothing.
                wizard.installPath.set("/nowhere/typ");
                assertEquals("", wizard.detectedProperty().get());
                assertEquals("fedora37", wizard.osEntryProperty().get().shortId());

                wizard.installPath.set(pool.resolve("holiday.iso").toString());
                fx.drainUntil("the unknown medium is said", 20, () -> wizard.detectedProperty().get().startsWith("The medium"));
                assertEquals("The medium (volume \"HOLIDAY 2026\") is not one osinfo-db knows: choose its OS yourself.",
                        wizard.detectedProperty().get());
                assertEquals("fedora37", wizard.osEntryProperty().get().shortId(), "the user's choice stays");
                assertNull(wizard.osEntryNamed("beos5"));
            } finally {
                fleet.close();
            }
        }
    }
}
