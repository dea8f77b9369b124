package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.IsoLabel;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.OperationException;
import org.vireo.osinfo.OsinfoReader;
import org.vireo.service.create.OsCatalogue;
import org.vireo.testlab.LocalFiles;
import org.vireo.testlab.LocalLibvirtd;

/**
 * Media detection on a node: an installer ISO (made with xorriso) in a directory pool of a private libvirtd is read
 * through a ranged volume download of its 2 KiB descriptor — the same bytes as the file's — and recognised as osinfo-db's
 * Debian 11; a volume that is no ISO gives no label; a path in no pool is refused in libvirt's words.
 */
class IsoLabelOnNodeTest {

    @TempDir
    Path dir;

    @Test
    void theLabelOfAnIsoOnTheNodeIsReadWithAFewKilobytes() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            Path pool = Files.createDirectories(dir.resolve("isos"));
            LocalFiles.iso(pool.resolve("debian-11.7.0-amd64-netinst.iso"), "-V", "Debian 11.7.0 amd64 n");
            Files.write(pool.resolve("blank.img"), new byte[128 * 1024]);
            daemon.dirPool("isos", pool);
            LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
            try {
                assertEquals(NodeState.CONNECTED, fleet.connectAndWait(new NodeRef("n", "node", uri), Duration.ofSeconds(20)).state());
                Path iso = pool.resolve("debian-11.7.0-amd64-netinst.iso");
                Optional<IsoLabel> label = fleet.isoLabel("n", iso.toString()).get(30, TimeUnit.SECONDS);
                assertEquals(OsinfoReader.labelOf(iso), label, "the node's bytes are the file's");
                OsCatalogue catalogue = OsinfoReader.system();
                assertEquals("debian11", catalogue.detect(label.orElseThrow(), "x86_64").orElseThrow().shortId());
                assertEquals(Optional.empty(), fleet.isoLabel("n", pool.resolve("blank.img").toString()).get(30, TimeUnit.SECONDS));
                ExecutionException outside = assertThrows(ExecutionException.class,
                        () -> fleet.isoLabel("n", "/nope/debian.iso").get(30, TimeUnit.SECONDS));
                assertTrue(((OperationException) outside.getCause()).detail().contains("/nope/debian.iso"),
                        ((OperationException) outside.getCause()).detail());
            } finally {
                fleet.close();
            }
        }
    }
}
