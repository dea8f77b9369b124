package org.vireo.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.AppPaths;
import org.vireo.app.Launcher;
import org.vireo.libvirt.TestDriverClient;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.NodeFiles;
import org.vireo.testlab.Virsh;

/** {@code vireo create} against a real libvirtd, with virsh as the oracle. */
class CreateCommandTest {

    @TempDir
    Path home;

    private LocalLibvirtd daemon;
    private TestDriverClient holder;
    private String uri;

    @BeforeEach
    void startDaemon() throws Exception {
        daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
        uri = daemon.sharedTestNode();
        holder = new TestDriverClient(uri);   // keeps the shared node alive between the command's connections
    }

    @AfterEach
    void stopDaemon() throws Exception {
        holder.close();
        daemon.close();
    }

    private record Run(int code, String out, String err) {
    }

    private Run create(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.create(new AppPaths(home.resolve("data"), home.resolve("state")), args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSeedSpecInEveryShortFormBecomesARealVm() {
        // The demo workstation (64 GiB) takes the seed's own spec; the shared node below has 3 GiB of host memory.
        String workstation = NodeFiles.demoNode(home.resolve("nodes"), "workstation.xml");
        for (String memory : List.of("4G", "4 GiB", "4096M", "4096")) {
            Run dry = create("--connect", workstation, "--name", "web-01", "--vcpus", "2", "--memory", memory,
                    "--disk", "50G", "--dry-run", "--print-xml");
            assertEquals(0, dry.code(), dry.err());
            assertTrue(dry.out().contains("<memory unit=\"KiB\">4194304</memory>"), dry.out());
            assertTrue(dry.out().contains("<vcpu placement=\"static\">2</vcpu>"), dry.out());
        }
        Run dryShared = create("--connect", uri, "--name", "web-dry", "--memory", "2G", "--disk", "50G", "--dry-run", "--print-xml");
        assertEquals(0, dryShared.code(), dryShared.err());
        assertFalse(Virsh.names(uri).contains("web-dry"), "--dry-run defines nothing");
        Run real = create("--connect", uri, "--name", "web-01", "--vcpus", "2", "--memory", "2G", "--disk", "50G",
                "--pool", "default-pool", "--network", "default");
        assertEquals(0, real.code(), real.err());
        String xml = String.join("\n", Virsh.run(uri, "dumpxml", "web-01"));
        assertTrue(xml.contains("<vcpu placement='static'>2</vcpu>"), xml);
        assertTrue(xml.contains("<memory unit='KiB'>2097152</memory>"), xml);
        assertTrue(xml.contains("<source file='/default-pool/web-01.qcow2'/>") && xml.contains("<driver name='qemu' type='qcow2'/>"), xml);
        assertTrue(xml.contains("<source network='default'/>"), xml);
        assertTrue(String.join("\n", Virsh.run(uri, "vol-info", "--pool", "default-pool", "web-01.qcow2")).matches("(?s).*Capacity:\\s+50\\.00 GiB.*"));
        assertEquals("running", Virsh.listAll(uri).get("web-01"));
    }

    @Test
    void badInputGetsOneLinePerProblemAndExitsNonZero() {
        Run bad = create("--connect", uri, "--name", "a</name><devices>", "--vcpus", "0", "--memory", "1e9",
                "--disk", "999999999 TiB", "--network", "nope", "--mac", "zz");
        assertEquals(2, bad.code());
        List<String> lines = bad.err().lines().toList();
        assertEquals(6, lines.size(), bad.err());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("vireo create: --")), bad.err());
        assertTrue(bad.err().contains("--name: Use 1–64 letters or digits"), bad.err());
        assertTrue(bad.err().contains("--disk: Far too large"), bad.err());
        assertEquals(List.of("test"), Virsh.names(uri), "nothing was created");

        Run firmware = create("--connect", uri, "--name", "fw", "--firmware", "pink", "--dry-run");
        assertEquals(2, firmware.code());
        assertTrue(firmware.err().lines().anyMatch("vireo create: --firmware/--tpm: Firmware: bios, uefi or uefi-secure."::equals),
                firmware.err());

        Run windows = create("--connect", uri, "--name", "win-cli", "--os", "win11", "--memory", "1G", "--dry-run", "--print-xml");
        assertEquals(0, windows.code(), windows.err());
        assertTrue(windows.out().contains("<clock offset=\"localtime\"/>"), "libosinfo's short id picks the Windows preset: " + windows.out());
        // A short id only osinfo-db knows: its family's devices, its recommended sizes, its minimum as a warning.
        Run catalogue = create("--connect", workstationLike(), "--name", "deb11-cli", "--os", "debian11", "--dry-run", "--print-xml");
        assertEquals(0, catalogue.code(), catalogue.err());
        assertTrue(catalogue.out().contains("<memory unit=\"KiB\">1048576</memory>"), "osinfo-db recommends 1 GiB: " + catalogue.out());
        Run small = create("--connect", workstationLike(), "--name", "deb11-small", "--os", "debian11", "--memory", "512M", "--dry-run");
        assertEquals(0, small.code(), small.err());
        assertTrue(small.err().contains("Debian 11 needs at least 1 GiB of memory."), small.err());
        Run unknown = create("--connect", uri, "--name", "beos-1", "--os", "beos5", "--dry-run");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--os beos5 is not an OS family Vireo knows; one of: linux, debian12"), unknown.err());

        Run taken = create("--connect", uri, "--name", "test", "--dry-run");
        assertEquals(2, taken.code());
        assertTrue(taken.err().contains("--name: This node already has a VM called test."), taken.err());
    }

    @Test
    void placeBestChoosesTheNodeWithTheMostMemoryLeftAndSaysWhy() throws Exception {
        String small = nodeWithMemory("small", 4, "");
        String busy = nodeWithMemory("busy", 16, "<domain type='test'><name>hog</name><memory>14680064</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os></domain>");
        String roomy = nodeWithMemory("roomy", 8, "");
        Run placed = create("--connect", small, "--connect", busy, "--connect", roomy, "--place", "best", "--name", "placed-1",
                "--memory", "1G", "--dry-run");
        assertEquals(0, placed.code(), placed.err());
        assertEquals("placed on " + roomy, placed.out().strip());
        assertEquals(List.of("vireo create: Best fit: roomy — 7 GiB of memory free after this VM.",
                "vireo create: small: 3 GiB of memory free after this VM.",
                "vireo create: busy: 1 GiB of memory free after this VM."), placed.err().lines().toList());

        Run none = create("--connect", small, "--connect", roomy, "--place", "best", "--name", "placed-2", "--memory", "12G", "--dry-run");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("vireo create: No node can take this VM:"), none.err());

        Run noPool = create("--connect", small, "--connect", roomy, "--place", "best", "--name", "placed-4", "--disk", "1G",
                "--pool", "nowhere", "--dry-run");
        assertEquals(2, noPool.code());
        assertTrue(noPool.err().contains("vireo create: roomy cannot: it has no running pool \"nowhere\" for the disk."), noPool.err());

        Run twoWithout = create("--connect", small, "--connect", roomy, "--name", "placed-3", "--dry-run");
        assertEquals(2, twoWithout.code());
        assertTrue(twoWithout.err().contains("add --place best"), twoWithout.err());
    }

    private String workstationLike() {
        return NodeFiles.demoNode(home.resolve("nodes"), "workstation.xml");
    }

    /** A test-driver node file whose host has {@code gib} GiB of memory. */
    private String nodeWithMemory(String name, int gib, String domain) throws IOException {
        Path file = home.resolve("nodes/" + name + ".xml");
        String uri = domain.isEmpty() ? NodeFiles.write(file) : NodeFiles.write(file, domain);
        Files.writeString(file, Files.readString(file).replace("<memory>8388608</memory>", "<memory>" + (gib * 1048576L) + "</memory>"));
        return uri;
    }

    @Test
    void cloudInitFromTheCommandLine() throws Exception {
        Path key = Files.writeString(home.resolve("id_ed25519.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG ada@laptop\n");
        Run dry = create("--connect", uri, "--name", "web-c", "--disk", "1G", "--cloud-init-user", "ada", "--cloud-init-key",
                key.toString(), "--hostname", "web-c", "--dry-run", "--print-xml");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("web-c-seed.iso"), "the seed goes in as a CD-ROM: " + dry.out());

        Run missing = create("--connect", uri, "--name", "web-d", "--disk", "1G", "--cloud-init-user", "ada", "--cloud-init-key",
                "/nope/key.pub", "--dry-run");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--cloud-init-key: cannot read /nope/key.pub"), missing.err());

        Run alone = create("--connect", uri, "--name", "web-e", "--hostname", "web-e", "--dry-run");
        assertEquals(2, alone.code());
        assertTrue(alone.err().contains("go with --cloud-init-user"), alone.err());

        Path shortPassword = Files.writeString(home.resolve("pw"), "short\nsecond line ignored\n");
        Run weak = create("--connect", uri, "--name", "web-f", "--disk", "1G", "--cloud-init-user", "ada",
                "--cloud-init-password-file", shortPassword.toString(), "--dry-run");
        assertEquals(2, weak.code());
        assertTrue(weak.err().lines().anyMatch(l -> l.startsWith("vireo create: --cloud-init-password-file: ")), weak.err());
        assertFalse(weak.err().contains("short"), "the password is never echoed");
        assertEquals(List.of("test"), Virsh.names(uri), "nothing was created");
    }
}
