package org.vireo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void printsBinaryUnits() {
        assertEquals("0 B", new ByteSize(0).toHuman());
        assertEquals("512 MiB", ByteSize.ofMiB(512).toHuman());
        assertEquals("4 GiB", ByteSize.ofKiB(4L * 1024 * 1024).toHuman());
        assertEquals("1.5 GiB", ByteSize.ofMiB(1536).toHuman());
        assertEquals("8 EiB", new ByteSize(Long.MAX_VALUE).toHuman().replace("8.0", "8"));
    }

    @Test
    void refusesNegativeAndOverflowingSizes() {
        assertThrows(IllegalArgumentException.class, () -> new ByteSize(-1));
        assertThrows(ArithmeticException.class, () -> ByteSize.ofMiB(Long.MAX_VALUE));
    }

    @Test
    void mapsEveryLibvirtStateNumber() {
        assertEquals(VmState.RUNNING, VmState.fromLibvirtCode(1));
        assertEquals(VmState.PAUSED, VmState.fromLibvirtCode(3));
        assertEquals(VmState.SHUT_OFF, VmState.fromLibvirtCode(5));
        assertEquals(VmState.CRASHED, VmState.fromLibvirtCode(6));
        assertEquals(VmState.PM_SUSPENDED, VmState.fromLibvirtCode(7));
        assertEquals(VmState.NO_STATE, VmState.fromLibvirtCode(42));
    }
}
