package org.vireo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vireo.model.VmAction;
import org.vireo.model.VmState;

/**
 * All user-visible text comes from the message bundles: every key the code asks for exists, and no
 * sentence for the user is left as a literal in the code (log lines and programmers' exceptions aside).
 */
class MessageBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/vireo");
    private static final Pattern UI_KEY = Pattern.compile("messages\\.get\\(\"([^\"]+)\"");
    private static final Pattern TEXTS_KEY = Pattern.compile("Texts\\.get\\(\"([^\"]+)\"");
    /** Failures the user reads name what was attempted and why: never from a literal. */
    private static final Pattern FAILURE_LITERAL = Pattern.compile(
            "new (org\\.vireo\\.model\\.)?(OperationException|SshException|RfbException|RfbClient\\.RfbException|StoreException)\\(\"");
    /** A literal that reads as words for a person: a capitalised word, a space, more words. */
    private static final Pattern SENTENCE = Pattern.compile("\"[A-Z][a-z']+ [a-z][^\"]{6,}\"");
    private static final Pattern EXEMPT = Pattern.compile(
            "LOG\\.|getLogger|Illegal(Argument|State)Exception|^\\s*(\\*|//)|/\\*\\*|assert "
            // libvirt's own words matched in its messages; the demo lab's node names are data, saved like any connection's
            + "|\\.contains\\(\"|new DemoNode\\(");

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Properties ui = bundle("/org/vireo/ui/messages.properties");
        Properties texts = bundle("/org/vireo/model/texts.properties");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                missing.addAll(missingKeys(file, source, UI_KEY, ui));
                missing.addAll(missingKeys(file, source, TEXTS_KEY, texts));
            }
        }
        assertEquals(List.of(), missing);
        for (VmState state : VmState.values()) {
            assertTrue(ui.containsKey("vm.state." + state.id()), state.id());
        }
        for (VmAction action : VmAction.values()) {
            assertTrue(texts.containsKey("op.action." + action.id()), action.id());
        }
    }

    @Test
    void noSentenceForTheUserIsALiteral() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (SENTENCE.matcher(line).find() && !EXEMPT.matcher(line).find() || FAILURE_LITERAL.matcher(line).find()) {
                        literals.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), literals);
    }

    @Test
    void patternsWithApostrophesAreEscaped() throws IOException {
        // Every value goes through MessageFormat, which drops a lone ' and quotes what follows: "host's {0}" would lose the argument.
        for (String name : List.of("/org/vireo/ui/messages.properties", "/org/vireo/model/texts.properties")) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertTrue(!value.replace("''", "").contains("'"), name + " " + key + ": " + value);
            }
        }
    }

    private static List<String> missingKeys(Path file, String source, Pattern pattern, Properties bundle) {
        List<String> missing = new ArrayList<>();
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            String key = m.group(1);
            // "vm.reason." + name: a prefix that some keys must share
            boolean prefix = source.startsWith("+", m.end()) || source.substring(m.end()).stripLeading().startsWith("+");
            boolean found = prefix ? bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key)) : bundle.containsKey(key);
            if (!found && !Set.of("").contains(key)) {
                missing.add(SOURCES.relativize(file) + ": " + key);
            }
        }
        return missing;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource);
             var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
