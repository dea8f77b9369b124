package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.VmSpec;

/** The NoCloud seed image, read back by real tools: blkid for its label, bsdtar for its files. */
class SeedImageTest {

    @TempDir
    Path dir;

    @Test
    void seedImageHasTheCidataLabelAndBothFiles() throws Exception {
        VmSpec spec = new VmSpec("web-01", OsVariant.DEBIAN_12, new VmSpec.InstallSource.None(), 1, 1L << 30,
                new VmSpec.DiskChoice.NewDisk("default", 1L << 30, "qcow2"), new VmSpec.NetworkChoice.UserMode(),
                "52:54:00:00:00:01", Optional.of(new VmSpec.CloudInit("ada", "$6$abc$def", "ssh-ed25519 AAAAC3 ada@x",
                "web-01\"\nevil: true")), true);
        Path iso = dir.resolve("seed.iso");
        Files.write(iso, new SeedImage().build(spec));

        assertEquals(List.of("cidata"), run("blkid", "-p", "-o", "value", "-s", "LABEL", iso.toString()).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList());
        List<String> files = run("bsdtar", "-tf", iso.toString()).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        assertTrue(files.containsAll(List.of("meta-data", "user-data")), files.toString());
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        run("bsdtar", "-xf", iso.toString(), "-C", out.toString());
        String userData;
        try (var list = Files.list(out)) {
            Path userFile = list.filter(p -> p.getFileName().toString().equalsIgnoreCase("user-data")).findFirst().orElseThrow();
            userData = Files.readString(userFile, StandardCharsets.UTF_8);
        }
        assertTrue(userData.startsWith("#cloud-config\n"), userData);
        assertTrue(userData.contains("name: \"ada\"") && userData.contains("passwd: \"$6$abc$def\""), userData);
        assertTrue(userData.contains("hostname: \"web-01\\\"\\nevil: true\""), "user text stays one quoted value: " + userData);
        assertTrue(!userData.contains("\nevil: true"), userData);
    }

    private static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void passwordlessSudoOnlyWhenAskedFor() {
        String plain = SeedImage.userData(new VmSpec.CloudInit("ada", "", "ssh-ed25519 AAAAC3 ada@x", ""));
        assertFalse(plain.contains("sudo"), plain);
        String asked = SeedImage.userData(new VmSpec.CloudInit("ada", "", "ssh-ed25519 AAAAC3 ada@x", "", true));
        assertTrue(asked.contains("    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n"), asked);
    }
}
