package org.vireo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The formatting convention of the sources, checked instead of a formatter: imports in one order
 * (static imports first, then the others, each block sorted), and no inline fully-qualified type
 * name where an import would do (one stays only where its simple name is taken: java.lang, another
 * import, a type of the same package or file).
 */
class SourceConventionsTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.*]+);", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern FQN = Pattern.compile("(?<![\\w.])((?:[a-z][a-z0-9_]*\\.)+[a-z][a-z0-9_]*)\\.([A-Z][A-Za-z0-9_]*)");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)");
    /** Comments (Javadoc links may name a type in full) and string and character literals. */
    private static final Pattern LITERALS = Pattern.compile("//[^\\n]*+|/\\*(?s:.*?)\\*/|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\])*+\"|'(?:\\\\.|[^'\\\\])*+'");
    private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Integer", "Long", "Double", "Boolean", "Math",
            "System", "Thread", "Runnable", "Exception", "RuntimeException", "Character", "Byte", "Short", "Float", "Number",
            "Iterable", "Class", "Process", "Record", "Enum", "Void", "Override", "Deprecated", "StringBuilder", "Error",
            "IllegalStateException", "IllegalArgumentException", "Throwable", "InterruptedException", "AutoCloseable",
            "Comparable", "Module", "Package", "Runtime", "SecurityException", "ProcessBuilder", "CharSequence");

    @Test
    void importsAreOrderedAndNoTypeIsNamedInlineWhereAnImportWouldDo() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).forEach(files::add);
            }
        }
        Map<String, Set<String>> typesByPackage = new HashMap<>();
        Map<Path, String> texts = new HashMap<>();
        for (Path file : files) {
            String text = Files.readString(file);
            texts.put(file, text);
            typesByPackage.computeIfAbsent(packageOf(text), k -> new HashSet<>()).add(simpleName(file));
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String text = texts.get(file);
            List<String> statics = new ArrayList<>();
            List<String> others = new ArrayList<>();
            Map<String, String> imported = new HashMap<>();
            Matcher imports = IMPORT.matcher(text);
            int bodyStart = 0;
            while (imports.find()) {
                (imports.group(1) != null ? statics : others).add(imports.group(2));
                if (imports.group(1) == null) {
                    String name = imports.group(2);
                    imported.put(name.substring(name.lastIndexOf('.') + 1), name);
                }
                bodyStart = imports.end();
            }
            List<String> expected = new ArrayList<>(statics.stream().sorted().toList());
            expected.addAll(others.stream().sorted().toList());
            List<String> actual = new ArrayList<>(statics);
            actual.addAll(others);
            if (!actual.equals(expected) || !statics.equals(statics.stream().sorted().toList())) {
                problems.add(file + ": imports not in order (static first, then the rest, each sorted)");
            }
            String code = LITERALS.matcher(text.substring(bodyStart)).replaceAll(" ");
            Set<String> taken = new HashSet<>(JAVA_LANG);
            taken.addAll(typesByPackage.getOrDefault(packageOf(text), Set.of()));
            Matcher declared = DECLARED.matcher(code);
            while (declared.find()) {
                taken.add(declared.group(1));
            }
            Matcher fqn = FQN.matcher(code);
            while (fqn.find()) {
                String simple = fqn.group(2);
                String full = fqn.group(1) + "." + simple;
                boolean takenByOther = (imported.containsKey(simple) && !imported.get(simple).equals(full)) || taken.contains(simple);
                if (!takenByOther) {
                    problems.add(file + ": " + full + " named inline; import it");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String packageOf(String text) {
        Matcher m = PACKAGE.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String simpleName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }
}
