package org.vireo.service.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vireo.model.NodeFacts;

class DeviceRulesTest {

    private static final NodeFacts.Pool POOL = new NodeFacts.Pool("default", true, 100L << 30, 10L << 30, "/pool",
            List.of(new NodeFacts.Volume("web.qcow2", "/pool/web.qcow2", 1L << 30)));

    @Test
    void macsAreUnicastWellFormedAndFreeOnTheNode() {
        assertEquals("", DeviceRules.macProblem("52:54:00:AB:cd:01", Set.of()));
        assertEquals("A MAC address like 52:54:00:12:34:56.", DeviceRules.macProblem("52:54:00:ab:cd", Set.of()));
        assertTrue(DeviceRules.macProblem("01:00:5e:00:00:01", Set.of()).contains("multicast"));
        assertEquals("52:54:00:ab:cd:01 is already used by another VM on this node.",
                DeviceRules.macProblem("52:54:00:AB:CD:01", Set.of("52:54:00:ab:cd:01")));
        String generated = DeviceRules.randomMac(Set.of(), new SplittableRandom(1));
        assertTrue(generated.startsWith("52:54:00:") && DeviceRules.macProblem(generated, Set.of()).isEmpty(), generated);
    }

    @Test
    void targetsAreTheFirstFreeNameOfTheirBus() {
        assertEquals("vdc", DeviceRules.nextTarget("virtio", Set.of("vda", "vdb", "sda")));
        assertEquals("sdb", DeviceRules.nextTarget("sata", Set.of("vda", "sda")));
        assertEquals("sdb", DeviceRules.nextTarget("scsi", Set.of("sda")));
        assertEquals("hda", DeviceRules.nextTarget("ide", Set.of()));
        assertEquals("vdaa", DeviceRules.nextTarget("virtio", Set.of("vda", "vdb", "vdc", "vdd", "vde", "vdf", "vdg", "vdh", "vdi",
                "vdj", "vdk", "vdl", "vdm", "vdn", "vdo", "vdp", "vdq", "vdr", "vds", "vdt", "vdu", "vdv", "vdw", "vdx", "vdy", "vdz")));
        assertEquals("vdb is already used by this VM.", DeviceRules.targetProblem("vdb", Set.of("vdb")));
        assertEquals("A device name like vdb, sdc or hda.", DeviceRules.targetProblem("disk1", Set.of()));
    }

    @Test
    void newVolumesHaveAFreeNameAndASizeThePoolCanHold() {
        assertEquals("", DeviceRules.volumeNameProblem("web-data.qcow2", POOL));
        assertEquals("The pool default already has a volume called web.qcow2.", DeviceRules.volumeNameProblem("web.qcow2", POOL));
        assertTrue(DeviceRules.volumeNameProblem("../etc/passwd", POOL).startsWith("Letters, digits"));
        assertEquals("", DeviceRules.sizeProblem("8", POOL, "raw"), "8 GiB of 10 free");
        assertTrue(DeviceRules.sizeProblem("20 GiB", POOL, "raw").startsWith("The pool default has only"));
        assertEquals("", DeviceRules.sizeProblem("20 GiB", POOL, "qcow2"), "qcow2 grows into the pool");
        assertTrue(DeviceRules.sizeProblem("lots", POOL, "qcow2").startsWith("Disk size:"));
        assertEquals("A full path on the node, starting with /.", DeviceRules.pathProblem("debian.iso"));
        assertEquals("", DeviceRules.sourceProblem("user", ""));
        assertTrue(DeviceRules.sourceProblem("bridge", "a-name-far-too-long-for-linux").startsWith("A host interface name"));
    }
}
