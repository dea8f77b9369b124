package org.vireo.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.libvirt.Connect;
import org.libvirt.Domain;

/**
 * The libvirt floor of {@link FleetBench}: in a process of its own, open each URI (one thread
 * per node, as the app has one worker per node), list all domains and read every domain's name,
 * UUID and info. Prints the wall-clock time when the last info was read and the milliseconds
 * the libvirt calls took. The floor is measured like the app's {@code listed_ms}: from the
 * process's launch, JVM start and loading libvirt included.
 */
public final class LibvirtFloor {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(args.length);
        List<Future<Integer>> counts = new ArrayList<>();
        for (String uri : args) {
            counts.add(pool.submit(() -> {
                Connect conn = new Connect(uri);
                int n = 0;
                for (Domain d : conn.listAllDomains(0)) {
                    d.getName();
                    d.getUUIDString();
                    d.getInfo();
                    n++;
                }
                conn.close();
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdown();
        System.out.println(System.currentTimeMillis() + " " + ms + " " + total);
    }

    /** [from launch to the last info read, the libvirt calls alone], in milliseconds. */
    static long[] measure(List<String> uris) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LibvirtFloor.class.getName()));
        command.addAll(uris);
        long launched = System.currentTimeMillis();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            line = out.readLine();
        }
        if (p.waitFor() != 0 || line == null) {
            throw new IllegalStateException("the libvirt floor process failed");
        }
        String[] parts = line.split(" ");
        return new long[] {Long.parseLong(parts[0]) - launched, Long.parseLong(parts[1])};
    }
}
