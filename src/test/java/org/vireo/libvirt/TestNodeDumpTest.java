package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.vireo.testlab.NodeFiles;
import org.vireo.testlab.Virsh;

/**
 * A demo node changed through libvirt, dumped, and opened again from the dump: virsh on the new
 * file sees what was done (states, a new VM, a snapshot that is current, a new volume, the networks).
 */
class TestNodeDumpTest {

    @TempDir
    Path dir;

    @Test
    void aChangedNodeOpensAgainFromItsDump() throws Exception {
        String uri = NodeFiles.demoNode(dir, "workstation.xml");
        Path file = Path.of(uri.substring("test://".length()));
        LibvirtRuntime.start();
        Connect conn = new Connect(uri);
        String dumped;
        try {
            Domain alpine = conn.domainLookupByName("alpine-tiny");
            alpine.suspend();
            alpine.snapshotCreateXML("<domainsnapshot><name>before-upgrade</name><description>kept</description></domainsnapshot>", 0).free();
            alpine.free();
            conn.domainDefineXML("<domain type='test'><name>made-in-vireo</name><memory>131072</memory><vcpu>1</vcpu>"
                    + "<metadata><vireo:tags xmlns:vireo='https://vireo.dev/xmlns/tags/1.0'><vireo:tag>kept</vireo:tag></vireo:tags></metadata>"
                    + "<os><type>hvm</type></os></domain>").free();
            conn.storagePoolLookupByName("default").storageVolCreateXML(
                    "<volume><name>made-in-vireo.qcow2</name><capacity unit='GiB'>2</capacity><target><format type='qcow2'/></target></volume>", 0).free();
            dumped = TestNodeDump.dump(conn, Files.readString(file));
        } finally {
            conn.close();
        }
        Map<String, String> before = Virsh.listAll(uri);   // the untouched file: a fresh copy of the original
        Path again = dir.resolve("again.xml");
        Files.writeString(again, dumped);
        String againUri = "test://" + again;

        Map<String, String> after = Virsh.listAll(againUri);
        assertEquals("paused", after.get("alpine-tiny"), after.toString());
        assertEquals("shut off", after.get("made-in-vireo"), after.toString());
        assertEquals(before.size() + 1, after.size());
        before.forEach((name, state) -> assertTrue(name.equals("alpine-tiny") || state.equals(after.get(name)), name + ": " + state + " → " + after.get(name)));
        List<String> snapshots = Virsh.run(againUri, "snapshot-list", "alpine-tiny", "--name");
        assertTrue(snapshots.contains("before-upgrade"), snapshots.toString());
        assertTrue(String.join("\n", Virsh.run(againUri, "snapshot-current", "alpine-tiny", "--name")).contains("before-upgrade"));
        assertTrue(String.join("\n", Virsh.run(againUri, "dumpxml", "made-in-vireo")).contains("<vireo:tag>kept</vireo:tag>"));
        List<String> volumes = Virsh.run(againUri, "vol-list", "default");
        assertTrue(volumes.stream().anyMatch(l -> l.contains("made-in-vireo.qcow2")), volumes.toString());
        assertEquals(Virsh.run(uri, "net-list", "--all", "--name"), Virsh.run(againUri, "net-list", "--all", "--name"));
        assertEquals(Virsh.run(uri, "nodeinfo"), Virsh.run(againUri, "nodeinfo"));
    }
}
