package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.vireo.model.OperationException;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.service.CloneService.DiskChoice;
import org.vireo.service.CloneService.DiskMode;

/** Cloning on the test driver: volumes cloned, shared or skipped, and nothing left after a failure. */
class VmClonerTest {

    private Connect conn;
    private StoragePool pool;
    private VmSummary source;

    @BeforeEach
    void defineATwoDiskVm() throws LibvirtException {
        LibvirtRuntime.start();
        conn = new Connect("test:///default");
        pool = conn.storagePoolLookupByName("default-pool");
        removeWhatThisTestMakes();   // another test class may hold test:///default open, keeping its state
        String a = volume("web-01-root.qcow2");
        String b = volume("web-01-data.qcow2");
        Domain d = conn.domainDefineXML("<domain type='test'><name>web-01</name><memory>262144</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><source file='" + a + "'/><target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='disk'><source file='" + b + "'/><target dev='vdb' bus='virtio'/></disk>"
                + "<interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/></interface>"
                + "</devices></domain>");
        source = new VmSummary("n", d.getUUIDString(), "web-01", VmState.SHUT_OFF, 1, 0, true, false, List.of());
        d.free();
    }

    @AfterEach
    void close() throws LibvirtException {
        removeWhatThisTestMakes();
        pool.free();
        conn.close();   // the last connection to test:///default drops everything made here
    }

    @Test
    void cloneMakesNewVolumesNameUuidAndMacs() throws LibvirtException {
        List<String> steps = new ArrayList<>();
        String uuid = VmCloner.cloneVm(conn, source, "web-02", Map.of(), steps::add);
        Domain copy = conn.domainLookupByName("web-02");
        assertEquals(uuid, copy.getUUIDString());
        assertNotEquals(source.uuid(), uuid);
        String original = xmlOf("web-01");
        String cloned = copy.getXMLDesc(0);
        assertTrue(cloned.contains("web-02-vda.qcow2") && cloned.contains("web-02-vdb.qcow2"), cloned);
        assertTrue(!cloned.contains("52:54:00:aa:bb:cc") && cloned.contains("<mac address="), cloned);
        assertEquals(normalise(original), normalise(cloned));
        assertTrue(volumes().containsAll(List.of("web-02-vda.qcow2", "web-02-vdb.qcow2")), volumes().toString());
        assertEquals(List.of("Cloning disk vda …", "Cloning disk vdb …", "Defining web-02 …"), steps);
        copy.free();
    }

    @Test
    void sharedAndSkippedDisksAreNotCopied() throws LibvirtException {
        VmCloner.cloneVm(conn, source, "web-03", Map.of("vda", DiskChoice.of(DiskMode.SHARE), "vdb", DiskChoice.of(DiskMode.SKIP)), s -> { });
        String cloned = xmlOf("web-03");
        assertTrue(cloned.contains("web-01-root.qcow2") && !cloned.contains("vdb"), cloned);
        assertTrue(volumes().stream().noneMatch(v -> v.startsWith("web-03")), volumes().toString());
    }

    @Test
    void aDiskCloneRefusedHalfWayRollsBackTheDisksAlreadyCloned() throws LibvirtException {
        // The test driver clones only within a pool: the second disk's clone into another pool fails for real.
        StoragePool other = conn.storagePoolCreateXML("<pool type='dir'><name>fast-pool</name><target><path>/fast-pool</path></target></pool>", 0);
        try {
            List<String> before = volumes();
            List<String> steps = new ArrayList<>();
            assertThrows(LibvirtException.class, () -> VmCloner.cloneVm(conn, source, "web-04",
                    Map.of("vdb", new DiskChoice(DiskMode.CLONE, "fast-pool")), steps::add));
            assertEquals(before, volumes());
            assertEquals(0, other.numOfVolumes());
            assertEquals(List.of("Cloning disk vda …", "Cloning disk vdb …", "Rolled back: deleted web-04-vda.qcow2"), steps);
            assertThrows(LibvirtException.class, () -> conn.domainLookupByName("web-04"));
        } finally {
            other.destroy();
            other.free();
        }
    }

    @Test
    void aFailedCloneLeavesNoVolumeBehind() throws LibvirtException {
        // The name is taken, so libvirt refuses the define after both disks were cloned.
        conn.domainDefineXML("<domain type='test'><name>web-05</name><memory>262144</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os></domain>").free();
        List<String> withTaken = volumes();
        assertThrows(LibvirtException.class, () -> VmCloner.cloneVm(conn, source, "web-05", Map.of(), s -> { }));
        assertEquals(withTaken, volumes());
        Domain running = conn.domainLookupByUUIDString(source.uuid());
        running.create();
        try {
            OperationException refused = assertThrows(OperationException.class,
                    () -> VmCloner.cloneVm(conn, source, "web-07", Map.of(), s -> { }));
            assertTrue(refused.detail().contains("shut it down first"), refused.detail());
        } finally {
            running.destroy();
            running.free();
        }
    }

    private void removeWhatThisTestMakes() throws LibvirtException {
        for (String name : conn.listDefinedDomains()) {
            if (name.startsWith("web-0")) {
                Domain d = conn.domainLookupByName(name);
                d.undefine();
                d.free();
            }
        }
        pool.refresh(0);
        for (String name : pool.listVolumes()) {
            if (name.startsWith("web-0")) {
                var vol = pool.storageVolLookupByName(name);
                vol.delete(0);
                vol.free();
            }
        }
    }

    /** Frees what it looks up: a domain left unfreed keeps test:///default, and its state, alive for the next test. */
    private String xmlOf(String name) throws LibvirtException {
        Domain d = conn.domainLookupByName(name);
        try {
            return d.getXMLDesc(0);
        } finally {
            d.free();
        }
    }

    private String volume(String name) throws LibvirtException {
        var vol = pool.storageVolCreateXML("<volume><name>" + name + "</name><capacity>1073741824</capacity>"
                + "<target><format type='qcow2'/></target></volume>", 0);
        String path = vol.getPath();
        vol.free();
        return path;
    }

    private List<String> volumes() throws LibvirtException {
        pool.refresh(0);
        return Arrays.stream(pool.listVolumes()).sorted().toList();
    }

    /** The XML without what a clone must change. */
    private static String normalise(String xml) {
        return xml.replaceAll("<name>[^<]*</name>", "").replaceAll("<uuid>[^<]*</uuid>", "")
                .replaceAll("<mac address='[^']*'/>", "").replaceAll("<source file='[^']*'/>", "");
    }
}
