package org.vireo.testlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real libvirt command-line client, used as the oracle for what a node holds. */
public final class Virsh {

    private Virsh() {
    }

    /** {@code virsh -c URI list --all}: domain name → state words, as virsh prints them. */
    public static Map<String, String> listAll(String uri) {
        List<String> lines = run(uri, "list", "--all");
        String header = lines.get(0);
        int nameAt = header.indexOf("Name");
        int stateAt = header.indexOf("State");
        Map<String, String> domains = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            domains.put(line.substring(nameAt, stateAt).strip(), line.substring(stateAt).strip());
        }
        return domains;
    }

    /** {@code virsh -c URI list --all --name}: exact names, one a line. */
    public static List<String> names(String uri) {
        return run(uri, "list", "--all", "--name").stream().filter(l -> !l.isEmpty()).toList();
    }

    public static List<String> run(String uri, String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
        if (args.length > 0 && args[0].equals("list") && !List.of(args).contains("--name")) {
            command.remove("-q");   // the table header is needed to find the columns
        }
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("virsh failed: " + command + "\n" + err);
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("virsh is not installed (apt-get install libvirt-clients)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
