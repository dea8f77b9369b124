package org.vireo.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vireo.app.EscapedMessage;
import org.vireo.app.Launcher;
import org.vireo.model.NodeInventory;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;

/** What reaches the terminal and the log from outside: bad URIs refused in one line, names and messages escaped. */
class CommandLineInputTest {

    private record Run(int code, String out, String err) {
    }

    private static Run create(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.create(null, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadConnectUriIsBadInputInOneLineAndNeverEchoed() {
        for (String uri : List.of("", "qemu+ssh://ann:s3cret@lab1/system", "test:///default\nforged", "qemu+carrier://x/")) {
            Run run = create("--connect", uri, "--name", "web-01", "--dry-run");
            assertEquals(2, run.code(), run.err());
            List<String> lines = run.err().lines().toList();
            assertEquals(2, lines.size(), "one line and where to read more: " + run.err());
            assertTrue(lines.get(0).startsWith("vireo: "), lines.get(0));
            assertEquals("See vireo create --help.", lines.get(1));
            assertFalse(run.err().contains("s3cret"), "the password is not echoed: " + run.err());
        }
    }

    @Test
    void namesFromNodesCannotSendControlSequencesToTheTerminal() {
        VmSummary vm = new VmSummary("n", "u-1", "evil\u001b[2J\u0085name\u007f", VmState.RUNNING, 1, 1L << 30);
        NodeInventory node = new NodeInventory(new NodeRef("n", "lab\nforged", "test:///default"),
                NodeStatus.of(NodeState.CONNECTED), List.of(vm));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        InventoryCommand.printText(List.of(node), new PrintStream(text, true, StandardCharsets.UTF_8));
        String shown = text.toString(StandardCharsets.UTF_8);
        assertEquals(2, shown.lines().count(), shown);
        assertTrue(shown.contains("evil\\u001b[2J\\u0085name\\u007f"), shown);
        assertTrue(shown.chars().noneMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))), shown);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        InventoryCommand.printJson(List.of(node), new PrintStream(json, true, StandardCharsets.UTF_8));
        String document = json.toString(StandardCharsets.UTF_8);
        assertTrue(document.contains("evil\\u001B[2J\\u0085name\\u007F") || document.contains("evil\\u001b[2J\\u0085name\\u007f"), document);
        assertTrue(document.chars().noneMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))), document);
    }

    @Test
    void aLogLineStaysOneLineWhateverItsMessageHolds() {
        LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("test"), Level.INFO,
                "Connected to {} ({})", null, new Object[] {"lab", "test:///x\nINFO forged line"});
        assertEquals("Connected to lab (test:///x\\nINFO forged line)", new EscapedMessage().convert(event));
    }
}
