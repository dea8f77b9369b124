package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.OperationException;
import org.vireo.model.PoolSpec;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.StorageVolumeInfo;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/** Pools and volumes on the test driver behind a private libvirtd, virsh the oracle; what is in use is not deleted. */
class StoragePoolsTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path home;

    @Test
    void poolsAndVolumesChangeAsVirshSaysAndWhatIsUsedIsKept() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient setup = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            Virsh.run(uri, "pool-define-as", "spare", "dir", "--target", "/spare");
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                List<StoragePoolInfo> pools = StoragePools.pools(conn);
                StoragePoolInfo defaultPool = pools.stream().filter(p -> p.name().equals("default-pool")).findFirst().orElseThrow();
                assertTrue(defaultPool.active() && defaultPool.type().equals("dir") && defaultPool.capacityBytes() > 0, defaultPool.toString());
                StoragePoolInfo spare = pools.stream().filter(p -> p.name().equals("spare")).findFirst().orElseThrow();
                assertFalse(spare.active());
                assertEquals("/spare", spare.path());

                // Start, autostart, stop: virsh pool-list agrees each time.
                StoragePools.onPool(conn, "spare", p -> p.create(0));
                StoragePools.onPool(conn, "spare", p -> p.setAutostart(1));
                assertTrue(poolLine(uri, "spare").matches("spare\\s+active\\s+yes"), poolLine(uri, "spare"));
                StoragePools.onPool(conn, "spare", p -> p.destroy());
                assertTrue(poolLine(uri, "spare").matches("spare\\s+inactive\\s+yes"), poolLine(uri, "spare"));

                // Volumes: a qcow2 and a raw one.
                StoragePools.createVolume(conn, "default-pool", "data.qcow2", "qcow2", GIB, false, "");
                StoragePools.createVolume(conn, "default-pool", "scratch.img", "raw", 2 * GIB, false, "");
                assertTrue(String.join("\n", Virsh.run(uri, "vol-info", "--pool", "default-pool", "data.qcow2")).matches("(?s).*Capacity:\\s+1\\.00 GiB.*"));
                assertTrue(String.join("\n", Virsh.run(uri, "vol-dumpxml", "--pool", "default-pool", "data.qcow2")).contains("<format type='qcow2'/>"));

                // In use by a VM: listed with it, and not deleted.
                String path = Virsh.run(uri, "vol-path", "--pool", "default-pool", "data.qcow2").get(0).strip();
                setup.define("<domain type='test'><name>user-vm</name><memory>262144</memory><vcpu>1</vcpu><os><type>hvm</type></os>"
                        + "<devices><disk type='file' device='disk'><source file='" + path + "'/><target dev='vda' bus='virtio'/></disk>"
                        + "</devices></domain>");
                StorageVolumeInfo data = StoragePools.volumes(conn, "default-pool").stream().filter(v -> v.name().equals("data.qcow2"))
                        .findFirst().orElseThrow();
                assertEquals(List.of("user-vm"), data.usedBy());
                assertEquals("qcow2", data.format());
                OperationException inUse = assertThrows(OperationException.class, () -> StoragePools.deleteVolume(conn, "default-pool", "data.qcow2"));
                assertTrue(inUse.detail().contains("used by user-vm"), inUse.detail());
                assertTrue(volumes(uri).contains("data.qcow2"));

                // (Resizing is QemuStorageTest's: the test driver has no virStorageVolResize.)
                // A volume nobody uses goes.
                StoragePools.deleteVolume(conn, "default-pool", "scratch.img");
                assertFalse(volumes(uri).contains("scratch.img"));

                // The pool is refused while a VM uses one of its volumes; the spare one goes.
                OperationException poolInUse = assertThrows(OperationException.class, () -> StoragePools.delete(conn, "default-pool", false));
                assertTrue(poolInUse.detail().contains("data.qcow2 is used by user-vm"), poolInUse.detail());
                assertTrue(poolLine(uri, "default-pool").contains("active"));
                StoragePools.delete(conn, "spare", false);
                assertEquals("", poolLine(uri, "spare"));

                // Pools of each kind, defined as the dialog chose (not started: their servers do not exist here).
                StoragePools.create(conn, new PoolSpec("netfs", "nas", "/mnt/nas", "nas.lab", "/srv/nfs/vms", "", "", false, false, true, ""));
                String nas = String.join("\n", Virsh.run(uri, "pool-dumpxml", "nas"));
                assertTrue(nas.contains("<host name='nas.lab'/>") && nas.contains("<dir path='/srv/nfs/vms'/>")
                        && nas.contains("<format type='nfs'/>") && nas.contains("<path>/mnt/nas</path>"), nas);
                assertTrue(poolLine(uri, "nas").matches("nas\\s+inactive\\s+yes"), poolLine(uri, "nas"));
                StoragePools.create(conn, new PoolSpec("logical", "vg0", "", "", "", "/dev/sdc", "vg0", false, false, false, ""));
                String vg = String.join("\n", Virsh.run(uri, "pool-dumpxml", "vg0"));
                assertTrue(vg.contains("<device path='/dev/sdc'/>") && vg.contains("<name>vg0</name>") && vg.contains("<path>/dev/vg0</path>"), vg);
                StoragePools.create(conn, new PoolSpec("iscsi", "san", "", "san.lab", "iqn.2013-06.com.example:storage", "", "", false, false,
                        false, ""));
                String san = String.join("\n", Virsh.run(uri, "pool-dumpxml", "san"));
                assertTrue(san.contains("<host name='san.lab'/>") && san.contains("<device path='iqn.2013-06.com.example:storage'/>"), san);
                // A directory pool, started at once.
                StoragePools.create(conn, new PoolSpec("dir", "isos", "/isos", "", "", "", "", false, true, false, ""));
                assertTrue(poolLine(uri, "isos").matches("isos\\s+active\\s+no"), poolLine(uri, "isos"));
            } finally {
                conn.close();
            }
        }
    }

    private static String poolLine(String uri, String pool) {
        return Virsh.run(uri, "pool-list", "--all").stream().map(String::strip).filter(l -> l.startsWith(pool + " "))
                .findFirst().orElse("");
    }

    private static List<String> volumes(String uri) {
        return Virsh.run(uri, "vol-list", "default-pool").stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }
}
