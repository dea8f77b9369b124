package org.vireo.bench;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vireo.rfb.RfbClient;
import org.vireo.testlab.LabGuestScreen;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.RfbFrames;
import org.vireo.testlab.ThrottlingProxy;

/**
 * Not a test: bench/screen. The lab guest's screen (a shell on its text console) kept busy by a loop that prints
 * /proc/interrupts over and over, watched through a TCP proxy that limits the link to 2 Mbit/s, once per encoding:
 * frames per second, KiB per frame and the link's use, for Raw and for each compressed encoding, in one run.
 * Usage: ScreenBench [SECONDS per encoding, default 15] [MBIT/s, default 2]. Needs root (a libvirtd of its own).
 */
public final class ScreenBench {

    private ScreenBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        double mbit = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        Path work = Files.createTempDirectory("vireo-screen-bench");
        try (LocalLibvirtd daemon = LocalLibvirtd.start(work.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            LabGuestScreen guest = LabGuestScreen.boot(uri, "busy-screen", Path.of("target/lab-guest").toAbsolutePath());
            guest.typeWithVirsh("while :; do cat /proc/interrupts; done\n");
            Thread.sleep(2000);
            System.out.printf(Locale.ROOT, "# the lab guest's text console (720x400) printing /proc/interrupts in a loop; link %.1f Mbit/s; %d s each%n",
                    mbit, seconds);
            List<String> json = new ArrayList<>();
            System.out.println("encoding   frames/s  KiB/frame  KiB/s");
            for (RfbClient.Encoding encoding : List.of(RfbClient.Encoding.RAW, RfbClient.Encoding.HEXTILE, RfbClient.Encoding.ZRLE,
                    RfbClient.Encoding.TIGHT)) {
                try (ThrottlingProxy proxy = new ThrottlingProxy(guest.vncPort(), (long) (mbit * 1_000_000))) {
                    Socket socket = new Socket("127.0.0.1", proxy.port());
                    RfbClient client = RfbClient.handshake(socket.getInputStream(), socket.getOutputStream(), socket, Optional::empty,
                            List.of(encoding));
                    RfbFrames.start(client);
                    Thread.sleep(3000);   // the first, full frame and the link filling up
                    long updates0 = client.updatesReceived();
                    long bytes0 = client.bytesReceived();
                    long t0 = System.nanoTime();
                    Thread.sleep(seconds * 1000L);
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    long updates = client.updatesReceived() - updates0;
                    long bytes = client.bytesReceived() - bytes0;
                    client.close();
                    double fps = updates / elapsed;
                    double kibPerFrame = updates == 0 ? Double.NaN : bytes / 1024.0 / updates;
                    System.out.printf(Locale.ROOT, "%-9s %9.2f %10.1f %6.1f%n", encoding, fps, kibPerFrame, bytes / 1024.0 / elapsed);
                    json.add(String.format(Locale.ROOT, "{\"encoding\":\"%s\",\"mbit_s\":%.1f,\"frames_per_s\":%.2f,\"kib_per_frame\":%.1f,"
                            + "\"kib_per_s\":%.1f,\"seconds\":%.1f}", encoding, mbit, fps, kibPerFrame, bytes / 1024.0 / elapsed, elapsed));
                }
            }
            System.out.println();
            json.forEach(System.out::println);
        }
    }
}
