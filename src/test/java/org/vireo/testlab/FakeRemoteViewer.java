package org.vireo.testlab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for virt-viewer's {@code remote-viewer} (a fake by the issue's own design: the real one
 * needs a desktop session and says nothing a test can read). Installed by {@link #install} as an
 * executable named {@code remote-viewer}, it records the connection file it was given (text, mode
 * and path), connects to the display (its UNIX socket, or host and port), sends a SPICE link message for the main
 * channel, and records the first four bytes of the answer: a SPICE server says {@code REDQ}.
 */
public final class FakeRemoteViewer {

    private FakeRemoteViewer() {
    }

    /** What the fake saw; read after it exited. */
    public record Record(Path file, String text, String mode, String greeting) {

        /** The value of {@code key} in the recorded connection file. */
        public Optional<String> value(String key) {
            return FakeRemoteViewer.value(text, key);
        }
    }

    /** Writes an executable {@code remote-viewer} into {@code dir} that runs this class in a fresh JVM. */
    public static Path install(Path dir) throws IOException {
        Files.createDirectories(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path script = dir.resolve("remote-viewer");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + FakeRemoteViewer.class.getName() + " '" + dir.resolve("record") + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** The record the fake installed in {@code dir} wrote, once it has. */
    public static Optional<Record> recorded(Path dir) throws IOException {
        Path record = dir.resolve("record");
        if (!Files.exists(record.resolveSibling("record.done"))) {
            return Optional.empty();
        }
        List<String> head = Files.readAllLines(record.resolveSibling("record.head"));
        return Optional.of(new Record(Path.of(head.get(0)), Files.readString(record), head.get(1), head.get(2)));
    }

    public static void main(String[] args) throws IOException {
        Path record = Path.of(args[0]);
        Path file = Path.of(args[1]);
        String text = Files.readString(file);
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        Files.writeString(record, text);
        String greeting = value(text, "unix-path").map(socket -> greeting(UnixDomainSocketAddress.of(socket)))
                .or(() -> value(text, "host").map(host -> greeting(new InetSocketAddress(host, Integer.parseInt(value(text, "port").orElse("0"))))))
                .orElse("");
        Files.writeString(record.resolveSibling("record.head"), file + "\n" + mode + "\n" + greeting + "\n");
        Files.writeString(record.resolveSibling("record.done"), "");
    }

    private static Optional<String> value(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst();
    }

    /** Sends SpiceLinkHeader + SpiceLinkMess (main channel, no capabilities) and reads the reply's magic. */
    private static String greeting(SocketAddress display) {
        try (SocketChannel channel = SocketChannel.open(display instanceof UnixDomainSocketAddress
                ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET)) {
            channel.connect(display);
            ByteBuffer link = ByteBuffer.allocate(16 + 18).order(ByteOrder.LITTLE_ENDIAN);
            link.put("REDQ".getBytes(StandardCharsets.US_ASCII)).putInt(2).putInt(2).putInt(18);
            link.putInt(0).put((byte) 1).put((byte) 0).putInt(0).putInt(0).putInt(18);
            link.flip();
            while (link.hasRemaining()) {
                channel.write(link);
            }
            ByteBuffer magic = ByteBuffer.allocate(4);
            while (magic.hasRemaining() && channel.read(magic) >= 0) {
                // read until four bytes or the end
            }
            return new String(magic.array(), 0, magic.position(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
    }
}
