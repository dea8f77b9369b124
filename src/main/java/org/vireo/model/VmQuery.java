package org.vireo.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The filter a user types. A bare word matches a VM's name, its tags or its addresses (substring, any
 * case); {@code tag:web}, {@code state:running}, {@code node:lab} and {@code autostart:yes} (or {@code no})
 * narrow by tag, state, node name and whether it starts with its host;
 * double quotes keep spaces in one part ({@code tag:"two words"}). All parts must match. A filter Vireo
 * does not know ({@code color:red}) or a state that does not exist ({@code state:foo}) matches nothing
 * and is named by {@link #problem()}, so the user is told instead of seeing an empty list.
 */
public final class VmQuery {

    private final List<String> words = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final List<String> nodes = new ArrayList<>();
    private Boolean autostart;
    private String problem;

    private VmQuery() {
    }

    public static VmQuery parse(String text) {
        VmQuery query = new VmQuery();
        if (text == null) {
            return query;
        }
        for (String token : tokens(text.strip().toLowerCase(Locale.ROOT))) {
            int colon = token.indexOf(':');
            String key = colon > 0 ? token.substring(0, colon) : "";
            String value = colon > 0 ? token.substring(colon + 1) : token;
            switch (key) {
                case "tag" -> query.tags.add(value);
                case "state" -> query.state(value);
                case "node" -> query.nodes.add(value);
                case "autostart" -> query.autostart(value);
                case "" -> query.words.add(value);
                default -> {
                    if (key.chars().allMatch(Character::isLetter)) {
                        query.problem = query.problem != null ? query.problem : Texts.get("filter.unknown", key);
                        query.words.add("\u0000");   // matches nothing: an unknown filter is not silently ignored
                    } else {
                        query.words.add(token);   // "10.0.0.5:22", a name with a colon
                    }
                }
            }
        }
        return query;
    }

    private void state(String value) {
        String wanted = value.replace("-", "").replace("_", "").replace(" ", "");
        boolean known = wanted.equals("running") || Arrays.stream(VmState.values()).anyMatch(s -> s.id().startsWith(wanted)
                || s.virshName().replace(" ", "").startsWith(wanted));
        if (!known && problem == null) {
            problem = Texts.get("filter.unknownState", value);
        }
        states.add(wanted);
    }

    private void autostart(String value) {
        switch (value) {
            case "yes", "on", "true", "y" -> autostart = true;
            case "no", "off", "false", "n" -> autostart = false;
            default -> {
                problem = problem != null ? problem : Texts.get("filter.unknownAutostart", value);
                words.add("\u0000");
            }
        }
    }

    /** Splits on spaces outside double quotes; the quotes themselves are dropped. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens.stream().filter(t -> !t.endsWith(":")).toList();   // "tag:" being typed narrows nothing yet
    }

    /**
     * The one state this filter asks for by its exact name ({@code state:paused}), for the state box
     * that shows it; empty when it asks for none, several or a prefix.
     */
    public Optional<VmState> singleState() {
        if (states.size() != 1) {
            return Optional.empty();
        }
        return Arrays.stream(VmState.values()).filter(s -> s.id().equals(states.get(0))).findFirst();
    }

    /**
     * {@code text} with its state terms replaced by {@code state} (none when null), the rest kept as
     * typed: the state box and {@code state:} are one filter.
     */
    public static String withState(String text, VmState state) {
        List<String> kept = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        String source = text == null ? "" : text;
        for (int i = 0; i <= source.length(); i++) {
            char c = i < source.length() ? source.charAt(i) : ' ';
            if (c == '"') {
                quoted = !quoted;
            }
            if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0 && !current.toString().toLowerCase(Locale.ROOT).startsWith("state:")) {
                    kept.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (state != null) {
            kept.add("state:" + state.id());
        }
        return String.join(" ", kept);
    }

    public boolean isEmpty() {
        return words.isEmpty() && tags.isEmpty() && states.isEmpty() && nodes.isEmpty() && autostart == null;
    }

    /** Why this filter cannot match as typed (an unknown filter or state), in plain words; empty when it can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Matches without addresses (scripts, tests): a bare word then looks at names and tags. */
    public boolean matches(VmSummary vm, Function<String, String> nodeName) {
        return matches(vm, nodeName, v -> List.of());
    }

    /**
     * @param nodeName  looks up the display name of a VM's node
     * @param addresses the addresses known for a VM (from its guest agent or DHCP lease), if any
     */
    public boolean matches(VmSummary vm, Function<String, String> nodeName, Function<VmSummary, List<String>> addresses) {
        for (String word : words) {
            if (!vm.name().toLowerCase(Locale.ROOT).contains(word)
                    && vm.tags().stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).contains(word))
                    && addresses.apply(vm).stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).contains(word))) {
                return false;
            }
        }
        for (String tag : tags) {
            if (vm.tags().stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).equals(tag))) {
                return false;
            }
        }
        for (String state : states) {
            String id = vm.state().id();
            String words = vm.state().virshName().replace(" ", "");
            boolean running = state.equals("running") && vm.state().isRunning();
            if (!running && !id.startsWith(state) && !words.startsWith(state)) {
                return false;
            }
        }
        if (autostart != null && vm.autostart() != autostart) {
            return false;
        }
        if (!nodes.isEmpty()) {
            String node = nodeName.apply(vm.nodeId()).toLowerCase(Locale.ROOT);
            for (String n : nodes) {
                if (!node.contains(n)) {
                    return false;
                }
            }
        }
        return true;
    }
}
