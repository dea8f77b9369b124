package org.vireo.testlab;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small RFB 3.8 server in the test, for what QEMU's VNC server cannot be made to do on demand (issue #25 names it):
 * send the viewer cut text when the test says so, record the cut text and key strokes it receives, and ask a
 * password that the domain XML does not carry. It serves a 64 × 48 grey screen as one Raw rectangle, answers only
 * non-incremental update requests (an idle screen), and checks VNC authentication as RFC 6143 defines it (DES of its
 * random challenge under the password's bytes, each bit-reversed). One viewer at a time; each new one is served anew.
 */
public final class TestRfbServer implements AutoCloseable {

    private final ServerSocket listener;
    private final String password;
    private final List<String> cutTexts = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger passwordTries = new AtomicInteger();
    private volatile DataOutputStream out;
    private final Thread acceptor;

    /** {@code password} null: no authentication. */
    public TestRfbServer(String password) throws IOException {
        this.password = password;
        listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "test-rfb-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Text the viewer sent as ClientCutText, in order. */
    public List<String> cutTexts() {
        return List.copyOf(cutTexts);
    }

    /** Key events as "+keysym" (down) and "-keysym" (up), keysyms in hex. */
    public List<String> keys() {
        return List.copyOf(keys);
    }

    public int passwordTries() {
        return passwordTries.get();
    }

    /** The "guest" copies text: ServerCutText to the viewer connected now. */
    public synchronized void sendCutText(String text) throws IOException {
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        out.writeByte(3);
        out.write(new byte[3]);
        out.writeInt(latin1.length);
        out.write(latin1);
        out.flush();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                session(new DataInputStream(socket.getInputStream()), new DataOutputStream(socket.getOutputStream()));
            } catch (IOException e) {
                // the viewer went (or the server closed): wait for the next
            }
        }
    }

    private void session(DataInputStream in, DataOutputStream output) throws IOException {
        output.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        output.flush();
        in.readFully(new byte[12]);
        output.writeByte(1);
        output.writeByte(password == null ? 1 : 2);
        output.flush();
        in.readUnsignedByte();
        if (password != null) {
            passwordTries.incrementAndGet();
            byte[] challenge = new byte[16];
            new SecureRandom().nextBytes(challenge);
            output.write(challenge);
            output.flush();
            byte[] response = new byte[16];
            in.readFully(response);
            if (!Arrays.equals(response, des(challenge, password))) {
                output.writeInt(1);
                byte[] reason = "Authentication failed".getBytes(StandardCharsets.US_ASCII);
                output.writeInt(reason.length);
                output.write(reason);
                output.flush();
                return;
            }
        }
        output.writeInt(0);
        in.readUnsignedByte();   // ClientInit
        output.writeShort(64);
        output.writeShort(48);
        output.write(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0});
        byte[] name = "test-rfb".getBytes(StandardCharsets.US_ASCII);
        output.writeInt(name.length);
        output.write(name);
        output.flush();
        synchronized (this) {
            out = output;
        }
        while (true) {
            int type = in.readUnsignedByte();
            switch (type) {
                case 0 -> in.readFully(new byte[19]);
                case 2 -> {
                    in.readUnsignedByte();
                    in.readFully(new byte[4 * in.readUnsignedShort()]);
                }
                case 3 -> {
                    boolean incremental = in.readUnsignedByte() == 1;
                    in.readFully(new byte[8]);
                    if (!incremental) {
                        sendGreyFrame();
                    }
                }
                case 4 -> {
                    boolean down = in.readUnsignedByte() == 1;
                    in.readUnsignedShort();
                    keys.add((down ? "+" : "-") + Integer.toHexString(in.readInt()));
                }
                case 5 -> in.readFully(new byte[5]);
                case 6 -> {
                    in.readFully(new byte[3]);
                    byte[] text = new byte[in.readInt()];
                    in.readFully(text);
                    cutTexts.add(new String(text, StandardCharsets.ISO_8859_1));
                }
                default -> throw new IOException("unknown client message " + type);
            }
        }
    }

    private synchronized void sendGreyFrame() throws IOException {
        out.writeByte(0);
        out.writeByte(0);
        out.writeShort(1);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(64);
        out.writeShort(48);
        out.writeInt(0);
        byte[] pixels = new byte[64 * 48 * 4];
        Arrays.fill(pixels, (byte) 0x80);
        out.write(pixels);
        out.flush();
    }

    private static byte[] des(byte[] challenge, String password) throws IOException {
        byte[] key = new byte[8];
        for (int i = 0; i < key.length && i < password.length(); i++) {
            key[i] = (byte) (Integer.reverse(password.charAt(i) & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
    }
}
