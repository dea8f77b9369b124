package org.vireo.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.model.VmState;
import org.vireo.testlab.NodeFiles;
import org.vireo.testlab.RemoteLab;
import org.vireo.testlab.Virsh;
import picocli.CommandLine;

/** `--list`: the headless inventory scripts read, checked against virsh. */
class InventoryCommandTest {

    @TempDir
    Path home;

    private record Result(int exitCode, String out) {
    }

    private Result list(String... args) {
        CliOptions options = new CliOptions();
        new CommandLine(options).parseArgs(args);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AppContext context = AppContext.open(new AppPaths(home.resolve("data"), home.resolve("state")))) {
            int code = InventoryCommand.run(context, options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            return new Result(code, bytes.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void firstRunListsTheDemoLabAsJsonMatchingVirsh() throws Exception {
        Result result = list("--list", "--json");
        assertEquals(0, result.exitCode());
        JsonNode nodes = new ObjectMapper().readTree(result.out()).get("nodes");
        assertEquals(3, nodes.size());
        int total = 0;
        for (JsonNode node : nodes) {
            assertEquals("connected", node.get("state").asText());
            Map<String, String> oracle = new TreeMap<>(Virsh.listAll(node.get("uri").asText()));
            Map<String, String> listed = new TreeMap<>();
            for (JsonNode vm : node.get("vms")) {
                listed.put(vm.get("name").asText(), virshWords(vm.get("state").asText()));
                assertTrue(vm.get("vcpus").asInt() > 0);
                assertTrue(vm.get("memoryBytes").asLong() >= 256L << 20);
                assertEquals(36, vm.get("uuid").asText().length());
            }
            assertEquals(oracle, listed, node.get("name").asText());
            total += listed.size();
        }
        assertTrue(total >= 40, "about 40 demo VMs, got " + total);
    }

    @Test
    void namesArePrintedExactlyAsLibvirtHoldsThem() throws Exception {
        String odd = "Ünïcødé \"quoted\" <tag> & 'apos' \\ back";
        String uri = NodeFiles.write(home.resolve("odd.xml"), """
                <domain type='test'>
                  <name>%s</name>
                  <memory unit='MiB'>300</memory><vcpu>3</vcpu><os><type>hvm</type></os>
                  <test:runstate>3</test:runstate>
                </domain>""".formatted(odd.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&apos;")));
        assertEquals(List.of(odd), Virsh.names(uri));

        Result json = list("--list", "--json", "--connect", uri);
        JsonNode vm = new ObjectMapper().readTree(json.out()).get("nodes").get(0).get("vms").get(0);
        assertEquals(odd, vm.get("name").asText());
        assertEquals("paused", vm.get("state").asText());
        assertEquals(3, vm.get("vcpus").asInt());
        assertEquals(300L << 20, vm.get("memoryBytes").asLong());

        Result text = list("--list", "--connect", uri);
        assertTrue(text.out().contains("  " + odd + "  "), text.out());
    }

    @Test
    void withConnectOnlyThoseNodesAreListedAndAFailureSetsTheExitCode() throws Exception {
        String good = NodeFiles.demoNode(home.resolve("nodes"), "edge-box.xml");
        String bad = "test://" + home.resolve("no-such-node.xml");
        Result result = list("--list", "--json", "--connect", good, "--connect", bad);
        assertEquals(1, result.exitCode());
        JsonNode nodes = new ObjectMapper().readTree(result.out()).get("nodes");
        List<String> states = new ArrayList<>();
        nodes.forEach(n -> states.add(n.get("name").asText() + "=" + n.get("state").asText()));
        assertEquals(List.of("edge-box=connected", "no-such-node=failed"), states);
        assertTrue(nodes.get(1).get("detail").asText().contains("no-such-node.xml"), nodes.get(1).toString());
        assertEquals(7, nodes.get(0).get("vms").size());
    }

    @Test
    void anSshNodeIsListedOverVireosOwnSshClientOnlyOnceItsHostKeyIsTrusted() throws Exception {
        try (RemoteLab lab = RemoteLab.up(home.resolve("lab"), 1)) {
            String address = lab.address(1);
            String uri = "test+ssh://root@" + address + "/default?keyfile=" + lab.sshKey();

            // No terminal to ask on (as in a script): the unknown host key is refused, and the node fails.
            Result refused = list("--list", "--json", "--timeout", "20", "--connect", uri);
            assertEquals(1, refused.exitCode());
            JsonNode node = new ObjectMapper().readTree(refused.out()).get("nodes").get(0);
            assertEquals("failed", node.get("state").asText());
            assertTrue(node.get("detail").asText().contains("was not accepted"), node.toString());

            // Trusted in Vireo's own known_hosts (as the window's "Accept always" writes it): listed, with keepalive.
            Process scan = new ProcessBuilder("ssh-keyscan", "-t", "ed25519", address).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String key = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(scan.waitFor() == 0 && key.contains("ssh-ed25519"), key);
            Files.createDirectories(home.resolve("data"));
            Files.writeString(home.resolve("data/known_hosts"), key);
            Result listed = list("--list", "--json", "--timeout", "20", "--connect", uri);
            assertEquals(0, listed.exitCode(), listed.out());
            JsonNode vms = new ObjectMapper().readTree(listed.out()).get("nodes").get(0).get("vms");
            assertEquals("test", vms.get(0).get("name").asText(), vms.toString());
        }
    }

    private static String virshWords(String stateId) {
        return VmState.valueOf(switch (stateId) {
            case "running" -> "RUNNING";
            case "paused" -> "PAUSED";
            case "shutoff" -> "SHUT_OFF";
            case "crashed" -> "CRASHED";
            case "pmsuspended" -> "PM_SUSPENDED";
            case "blocked" -> "BLOCKED";
            case "shutdown" -> "SHUTTING_DOWN";
            default -> "NO_STATE";
        }).virshName();
    }
}
