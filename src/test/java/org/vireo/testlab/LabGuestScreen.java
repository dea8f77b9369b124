package org.vireo.testlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lab guest (scripts/lab-guest: a Debian kernel and a busybox initramfs) booted under plain emulation on a private
 * libvirtd with a VNC display, for what needs a guest whose screen is a shell: its first text console (tty1) runs one.
 * The screen's text is read from the VGA text buffer through QEMU's monitor ({@link #screenText}) — what the screen
 * shows, character for character — and keys can be typed through libvirt ({@link #typeWithVirsh}, for the benchmark,
 * which must not depend on the typing it measures around).
 */
public final class LabGuestScreen {

    private static final Map<Character, String> KEYS = Map.ofEntries(Map.entry(' ', "KEY_SPACE"), Map.entry(';', "KEY_SEMICOLON"),
            Map.entry('/', "KEY_SLASH"), Map.entry('-', "KEY_MINUS"), Map.entry('.', "KEY_DOT"), Map.entry('\n', "KEY_ENTER"),
            Map.entry('>', "KEY_LEFTSHIFT KEY_DOT"), Map.entry(':', "KEY_LEFTSHIFT KEY_SEMICOLON"), Map.entry('|', "KEY_LEFTSHIFT KEY_BACKSLASH"));

    private final String uri;
    private final String name;

    private LabGuestScreen(String uri, String name) {
        this.uri = uri;
        this.name = name;
    }

    /**
     * Builds the lab guest into {@code guestDir} (once; scripts/lab-guest reuses a complete one), defines {@code name} on
     * the daemon at {@code uri} booting it with a VNC display on 127.0.0.1, starts it and waits until tty1's shell prompt
     * is on the screen.
     */
    public static LabGuestScreen boot(String uri, String name, Path guestDir) throws IOException, InterruptedException {
        Files.createDirectories(guestDir);
        Path key = guestDir.resolve("id_ed25519");
        if (!Files.exists(key)) {
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        }
        run("scripts/lab-guest", guestDir.toString(), key + ".pub");
        Path xml = guestDir.resolve(name + ".xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>160</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + guestDir.resolve("vmlinuz") + "</kernel>"
                + "<initrd>" + guestDir.resolve("initrd.gz") + "</initrd><cmdline>console=ttyS0 quiet</cmdline></os>"
                + "<devices><serial type='pty'/><graphics type='vnc' autoport='yes' listen='127.0.0.1'/>"
                + "<video><model type='vga'/></video></devices></domain>");
        Virsh.run(uri, "define", xml.toString());
        Virsh.run(uri, "start", name);
        LabGuestScreen guest = new LabGuestScreen(uri, name);
        long deadline = System.currentTimeMillis() + 180_000;
        while (guest.screenText().stream().noneMatch(line -> line.strip().endsWith("#"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no shell prompt on the lab guest's screen: " + guest.screenText());
            }
            Thread.sleep(500);
        }
        return guest;
    }

    public String name() {
        return name;
    }

    /** The VNC port QEMU listens on (127.0.0.1). */
    public int vncPort() {
        String display = Virsh.run(uri, "domdisplay", name).get(0).strip();
        return 5900 + Integer.parseInt(display.substring(display.lastIndexOf(':') + 1));
    }

    /** The 80 × 25 text screen, read from the VGA text buffer (character bytes at even addresses from 0xb8000). */
    public List<String> screenText() {
        List<String> dump = Virsh.run(uri, "qemu-monitor-command", "--hmp", name, "xp /4000xb 0xb8000");
        List<Integer> bytes = new ArrayList<>();
        for (String line : dump) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            for (String word : line.substring(colon + 1).trim().split("\\s+")) {
                if (word.startsWith("0x")) {
                    bytes.add(Integer.parseInt(word.substring(2), 16));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i + 1 < bytes.size(); i += 2) {
            int c = bytes.get(i);
            row.append(c >= 0x20 && c < 0x7f ? (char) c : ' ');
            if (row.length() == 80) {
                lines.add(row.toString().stripTrailing());
                row.setLength(0);
            }
        }
        return lines;
    }

    /** Types lower-case letters, digits and a few symbols with {@code virsh send-key} (Linux key names). */
    public void typeWithVirsh(String text) {
        for (char c : text.toCharArray()) {
            String keys;
            if (Character.isLetter(c) && c < 0x80) {
                keys = "KEY_" + Character.toUpperCase(c);
            } else if (Character.isDigit(c)) {
                keys = "KEY_" + c;
            } else if (KEYS.containsKey(c)) {
                keys = KEYS.get(c);
            } else {
                throw new IllegalArgumentException("no key for '" + c + "'");
            }
            List<String> args = new ArrayList<>(List.of("send-key", name));
            args.addAll(List.of(keys.split(" ")));
            Virsh.run(uri, args.toArray(String[]::new));
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
    }
}
