package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.OperationException;
import org.vireo.service.create.CreationStep;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.SpecDraft;
import org.vireo.service.create.SpecValidator;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/**
 * On a real libvirtd's storage driver: the disk is created and the cloud-init seed image really
 * uploaded through libvirt's stream; the define then fails for real (another client takes the
 * name just before it, or, without QEMU installed, nothing can be defined at all), and the
 * rollback removes both volumes from the pool's directory.
 */
class CloudInitCreationTest {

    @TempDir
    Path dir;

    @Test
    void seedIsUploadedAndEverythingIsRolledBackWhenTheDefineFails() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path poolDir = Files.createDirectories(dir.resolve("pool"));
            daemon.dirPool("vireo-test", poolDir);

            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            try {
                NodeRef node = new NodeRef("n", "node", uri);
                assertEquals(NodeState.CONNECTED, fleet.connectAndWait(node, Duration.ofSeconds(20)).state());
                NodeFacts facts = fleet.facts("n").get(20, TimeUnit.SECONDS);
                SpecDraft defaults = SpecDraft.defaults(OsVariant.DEBIAN_12, facts);
                SpecDraft draft = new SpecDraft("cloudy", OsVariant.DEBIAN_12, "none", "", "", "", "", "1", "256M", "new",
                        "vireo-test", "64M", "raw", "", "user", "", "", true, "ada", "correct horse battery",
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG ada@laptop", "cloudy", false);
                SpecValidator.Result result = new SpecValidator(password -> "$6$salt$hash").validate(draft, facts);
                assertTrue(result.ok(), result.errors().toString() + " / " + defaults);
                List<CreationStep> steps = new CopyOnWriteArrayList<>();
                Path rival = Files.writeString(dir.resolve("rival.xml"), "<domain type='qemu'><name>cloudy</name>"
                        + "<memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os></domain>");
                ExecutionException failed = Assertions.assertThrows(ExecutionException.class,
                        () -> fleet.create("n", result.spec().orElseThrow(), facts, step -> {
                            steps.add(step);
                            if (step.description().startsWith("Defining")) {
                                // Reported on the node's worker just before its define: the name goes first.
                                try {
                                    Virsh.run(uri, "define", rival.toString());
                                } catch (RuntimeException noQemu) {
                                    // Without QEMU nobody can define a guest here, Vireo included.
                                }
                            }
                        }).get(120, TimeUnit.SECONDS));

                OperationException cause = (OperationException) failed.getCause();
                assertEquals("Defining the VM cloudy", cause.getMessage(), cause.detail());
                assertEquals(List.of("Creating the disk cloudy.raw", "Writing the cloud-init seed image cloudy-seed.iso",
                        "Defining the VM cloudy", "Undid 2 step(s)"), steps.stream().map(CreationStep::description).toList());
                assertEquals(List.of(), Virsh.run(uri, "vol-list", "vireo-test").stream().filter(l -> !l.isBlank()).toList());
                try (var files = Files.list(poolDir)) {
                    assertEquals(List.of(), files.toList(), "no file left in the pool's directory");
                }
                assertEquals(List.of(), Virsh.run(uri, "list", "--all", "--name").stream()
                        .filter(l -> !l.isBlank() && !l.equals("cloudy")).toList(), "no VM of Vireo's left");
            } finally {
                fleet.close();
            }
        }
    }

}
