package org.vireo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The filter a user types: words match the VM name (substring, any case); {@code tag:web},
 * {@code state:running} and {@code node:lab} narrow by tag, state and node name. All parts must match.
 */
public final class VmQuery {

    private final List<String> words = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final List<String> nodes = new ArrayList<>();

    private VmQuery() {
    }

    public static VmQuery parse(String text) {
        VmQuery query = new VmQuery();
        if (text == null) {
            return query;
        }
        for (String token : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("tag:") && token.length() > 4) {
                query.tags.add(token.substring(4));
            } else if (token.startsWith("state:") && token.length() > 6) {
                query.states.add(token.substring(6).replace("-", "").replace("_", ""));
            } else if (token.startsWith("node:") && token.length() > 5) {
                query.nodes.add(token.substring(5));
            } else {
                query.words.add(token);
            }
        }
        return query;
    }

    public boolean isEmpty() {
        return words.isEmpty() && tags.isEmpty() && states.isEmpty() && nodes.isEmpty();
    }

    /** @param nodeName looks up the display name of a VM's node */
    public boolean matches(VmSummary vm, Function<String, String> nodeName) {
        if (!words.isEmpty()) {
            String name = vm.name().toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!name.contains(word)) {
                    return false;
                }
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
