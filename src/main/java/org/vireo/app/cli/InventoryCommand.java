package org.vireo.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.vireo.app.AppContext;
import org.vireo.libvirt.InventoryReader;
import org.vireo.model.LogText;
import org.vireo.model.NodeInventory;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.VmSummary;
import org.vireo.ssh.SshConnector;
import org.vireo.ssh.SshNodeTunnels;

/** `--list`: prints every node and VM, as text or as one JSON document, and exits. */
public final class InventoryCommand {

    private InventoryCommand() {
    }

    /** Returns the exit code: 0 when every node answered, 1 when one failed. */
    public static int run(AppContext context, CliOptions options, PrintStream out) {
        List<NodeRef> nodes = options.connect.isEmpty()
                ? context.savedConnections().stream().map(c -> c.toNodeRef()).toList()
                : AppContext.commandLineNodes(options.connect);
        // SSH nodes go through Vireo's own SSH client, as in the window: the same known_hosts, agent and keys.
        List<NodeInventory> inventory;
        try (SshConnector ssh = context.sshConnector(new TerminalSshPrompts(System.console(), System.err))) {
            inventory = new InventoryReader(context.libvirt, new SshNodeTunnels(ssh))
                    .read(nodes, Duration.ofSeconds(Math.max(1, options.timeoutSeconds)));
        }
        if (options.json) {
            printJson(inventory, out);
        } else {
            printText(inventory, out);
        }
        out.flush();
        boolean allConnected = inventory.stream().allMatch(n -> n.status().state() == NodeState.CONNECTED);
        return allConnected ? 0 : 1;
    }

    static void printJson(List<NodeInventory> inventory, PrintStream out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setCharacterEscapes(new TerminalSafeEscapes());
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("nodes");
            for (NodeInventory node : inventory) {
                json.writeStartObject();
                json.writeStringField("name", node.node().name());
                json.writeStringField("uri", node.node().uri());
                json.writeStringField("state", node.status().state().id());
                if (!node.status().detail().isEmpty()) {
                    json.writeStringField("detail", node.status().detail());
                }
                json.writeArrayFieldStart("vms");
                for (VmSummary vm : node.vms()) {
                    json.writeStartObject();
                    json.writeStringField("name", vm.name());
                    json.writeStringField("uuid", vm.uuid());
                    json.writeStringField("state", vm.state().id());
                    json.writeNumberField("vcpus", vm.vcpus());
                    json.writeNumberField("memoryBytes", vm.memoryBytes());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    static void printText(List<NodeInventory> inventory, PrintStream out) {
        for (NodeInventory node : inventory) {
            // Names and messages come from the nodes: escaped, so none can send control sequences to the terminal.
            String detail = node.status().detail().isEmpty() ? "" : " (" + LogText.escape(node.status().detail()) + ")";
            out.printf(Locale.ROOT, "%s  %s  %s%s  %d VMs%n", LogText.escape(node.node().name()), LogText.escape(node.node().uri()),
                    node.status().state().id(), detail, node.vms().size());
            int width = node.vms().stream().mapToInt(vm -> LogText.escape(vm.name()).length()).max().orElse(4);
            for (VmSummary vm : node.vms()) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %-11s  %2d vCPU  %s%n", LogText.escape(vm.name()), vm.state().virshName(),
                        vm.vcpus(), vm.memory().toHuman());
            }
        }
    }
}
