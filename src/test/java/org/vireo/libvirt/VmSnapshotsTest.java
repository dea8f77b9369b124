package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.vireo.model.VmSnapshot;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.testlab.NodeFiles;

/** Snapshot take, list, revert and delete against the test driver, with a second client as the oracle. */
class VmSnapshotsTest {

    @Test
    void takeListRevertDeleteOnTheTestDriver() throws LibvirtException {
        LibvirtRuntime.start();
        Connect app = new Connect("test:///default");
        Connect oracle = new Connect("test:///default");
        try {
            // A domain of its own: another test class may hold test:///default open and have changed "test".
            String name = "snap-" + UUID.randomUUID().toString().substring(0, 8);
            Domain test = oracle.domainDefineXML("<domain type='test'><name>" + name + "</name><memory>262144</memory>"
                    + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>");
            test.create();
            VmSummary vm = new VmSummary("n", test.getUUIDString(), name, VmState.RUNNING, 1, 0, true, false, List.of());
            VmSnapshots.take(app, vm, "before <upgrade> & \"more\"", "kernel 6.1\nstill fine", true);
            VmSnapshots.take(app, vm, "after", "", true);

            assertEquals(List.of("after", "before <upgrade> & \"more\""), sorted(test.snapshotListNames()));
            List<VmSnapshot> listed = VmSnapshots.list(app, vm);
            assertEquals(List.of("before <upgrade> & \"more\"", "after"), listed.stream().map(VmSnapshot::name).toList());
            VmSnapshot before = listed.get(0);
            VmSnapshot after = listed.get(1);
            assertEquals("kernel 6.1\nstill fine", before.description());
            assertEquals("running", before.state());
            assertEquals(before.name(), after.parent());
            assertTrue(after.current());
            assertFalse(before.current());
            assertFalse(before.external());

            VmSnapshots.revert(app, vm, before.name());
            assertTrue(VmSnapshots.list(app, vm).get(0).current());

            VmSnapshots.delete(app, vm, before.name(), true);
            assertEquals(0, test.snapshotNum());
            assertThrows(LibvirtException.class, () -> VmSnapshots.revert(app, vm, "after"));
            test.destroy();
            test.undefine();
            test.free();
        } finally {
            app.close();
            oracle.close();
        }
    }

    @Test
    void readsThePeerFixturesSnapshotTreeParentsFirst() throws LibvirtException {
        Optional<Path> fixture = NodeFiles.peerFixture();
        assumeTrue(fixture.isPresent(), "../shared/fixtures/virt-manager-4.1-testdriver.xml is not beside this checkout");
        LibvirtRuntime.start();
        Connect conn = new Connect("test://" + fixture.get());
        try {
            Domain domain = conn.domainLookupByName("test-snapshots");
            VmSummary vm = new VmSummary("n", domain.getUUIDString(), "test-snapshots", VmState.RUNNING, 1, 0, true, false,
                    List.of());
            List<VmSnapshot> listed = VmSnapshots.list(conn, vm);
            assertEquals(domain.snapshotNum(), listed.size());
            assertEquals(1, listed.stream().filter(VmSnapshot::current).count());
            for (int i = 0; i < listed.size(); i++) {
                String parent = listed.get(i).parent();
                if (!parent.isEmpty()) {
                    int at = i;
                    assertTrue(listed.subList(0, at).stream().anyMatch(s -> s.name().equals(parent)),
                            listed.get(i).name() + " listed before its parent " + parent);
                }
            }
            assertTrue(listed.stream().anyMatch(VmSnapshot::external), "the fixture holds external snapshots");
            assertTrue(listed.stream().anyMatch(s -> s.description().startsWith("FOO")));
            domain.free();
        } finally {
            conn.close();
        }
    }

    private static List<String> sorted(String[] names) {
        return Arrays.stream(names).sorted().toList();
    }
}
