package org.vireo.ui.main;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmQuery;
import org.vireo.model.VmState;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.service.Fleet;
import org.vireo.service.InventoryListener;
import org.vireo.service.StatsService;
import org.vireo.ui.common.FxBatchQueue;
import org.vireo.ui.common.Messages;
import org.vireo.ui.details.VmDetailsViewModel;

/**
 * The main window's state: nodes with their VMs, the flat VM list the table shows, what is
 * selected and filtered, and the status line. Node workers report through
 * {@link #inventoryListener()}; their reports reach this object on the FX thread in batches.
 */
public final class MainViewModel {

    private final Fleet fleet;
    private final StatsService stats;
    private final Map<String, VmStats> latestStats = new HashMap<>();
    /** When Vireo saw a VM start; libvirt keeps no start time, so uptime is known only for these. */
    private final Map<String, Long> seenStarting = new HashMap<>();
    private final ReadOnlyLongWrapper statsTick = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper nodeStatesTick = new ReadOnlyLongWrapper();
    private final Messages messages;
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final Map<String, NodeRow> nodesById = new HashMap<>();
    private final ObservableList<VmSummary> allVms = FXCollections.observableArrayList();
    // Kept once: read-only wrappers listen to their source weakly.
    private final ObservableList<NodeRow> readOnlyNodes = FXCollections.unmodifiableObservableList(nodes);
    private final ObservableList<VmSummary> readOnlyAllVms = FXCollections.unmodifiableObservableList(allVms);
    private final Map<String, Integer> allVmsIndex = new HashMap<>();
    private final FilteredList<VmSummary> visibleVms = new FilteredList<>(allVms);
    private final ObjectProperty<NodeRow> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<String> tagScope = new SimpleObjectProperty<>();
    private final BooleanProperty groupByTag = new SimpleBooleanProperty();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<VmState> stateFilter = new SimpleObjectProperty<>();
    private boolean syncingState;
    private final Map<String, ArrayDeque<VmStats>> sampledHistory = new HashMap<>();
    private long statsBatches;
    private final FxBatchQueue<Map<String, VmStats>> statsQueue;
    private final ReadOnlyStringWrapper emptyTableText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper emptyByFilter = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final InventoryListener listener;
    private long appliedBatches;
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper();

    public MainViewModel(Fleet fleet, StatsService stats, Messages messages) {
        this(fleet, stats, messages, null);
    }

    /** With {@code fxThread} standing in for the FX thread (view-model tests of other screens use it too). */
    public MainViewModel(Fleet fleet, StatsService stats, Messages messages, Executor fxThread) {
        this.fleet = fleet;
        this.stats = stats;
        this.messages = messages;
        this.listener = new QueueingListener(fxThread == null
                ? new FxBatchQueue<>(this::apply) : new FxBatchQueue<>(this::apply, fxThread));
        FxBatchQueue<Map<String, VmStats>> statsQueue = fxThread == null
                ? new FxBatchQueue<>(this::applyStats) : new FxBatchQueue<>(this::applyStats, fxThread);
        stats.setStatsSink(statsQueue::post);
        this.statsQueue = statsQueue;
        scope.addListener((obs, old, now) -> refilter());
        tagScope.addListener((obs, old, now) -> refilter());
        // The state box and state: in the filter are one filter: each rewrites the other.
        filterText.addListener((obs, old, now) -> {
            if (!syncingState) {
                syncingState = true;
                stateFilter.set(VmQuery.parse(now).singleState().orElse(null));
                syncingState = false;
            }
            refilter();
        });
        stateFilter.addListener((obs, old, now) -> {
            if (!syncingState) {
                syncingState = true;
                filterText.set(VmQuery.withState(filterText.get(), now));   // refilters
                syncingState = false;
            }
        });
        updateStatusText();
    }

    /** Adds nodes to the window (FX thread); they start out disconnected until {@link #connect}. */
    public void addNodes(List<NodeRef> refs) {
        List<NodeRow> added = new ArrayList<>();
        for (NodeRef ref : refs) {
            if (!nodesById.containsKey(ref.id())) {
                NodeRow row = new NodeRow(ref);
                nodesById.put(ref.id(), row);
                added.add(row);
            }
        }
        nodes.addAll(added);
        updateStatusText();
    }

    /** Takes a node out of the window: disconnected, forgotten, its VMs gone from the lists. */
    public void removeNode(NodeRow row) {
        fleet.remove(row.ref());
        nodesById.remove(row.ref().id());
        nodes.remove(row);
        if (scope.get() == row) {
            scope.set(null);
        }
        rebuildAllVms();
        updateStatusText();
    }

    /** A new name for a node: its connection and VMs stay as they are. */
    public void renameNode(NodeRow row, String name) {
        row.rename(name);
        updateStatusText();
    }

    /** Where node workers report; connections opened before this view model existed are attached here. */
    public InventoryListener inventoryListener() {
        return listener;
    }

    public void connect(NodeRow node) {
        fleet.connect(node.ref(), listener);
    }

    public void disconnect(NodeRow node) {
        fleet.disconnect(node.ref());
    }

    public ObservableList<NodeRow> nodes() {
        return readOnlyNodes;
    }

    public NodeRow node(String nodeId) {
        return nodesById.get(nodeId);
    }

    /** Every VM of every node, in node order then by name. */
    public ObservableList<VmSummary> allVms() {
        return readOnlyAllVms;
    }

    /** The VMs the table shows: those of the node in scope (all when none), matching the filter. */
    public ObservableList<VmSummary> visibleVms() {
        return visibleVms;
    }

    /** The node whose VMs the table shows; null shows all nodes. */
    public ObjectProperty<NodeRow> scopeProperty() {
        return scope;
    }

    /** The tag group whose VMs the table shows ({@link #UNTAGGED} for those without); null for any. */
    public ObjectProperty<String> tagScopeProperty() {
        return tagScope;
    }

    /** Stands for "no tags" in {@link #tagScopeProperty()}. */
    public static final String UNTAGGED = "";

    /** Whether the tree groups VMs by tag instead of by node. */
    public BooleanProperty groupByTagProperty() {
        return groupByTag;
    }

    /** VMs per tag over all nodes, tags sorted; the untagged count under {@link #UNTAGGED}. */
    public Map<String, List<VmSummary>> vmsByTag() {
        Map<String, List<VmSummary>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (VmSummary vm : allVms) {
            if (vm.tags().isEmpty()) {
                groups.computeIfAbsent(UNTAGGED, t -> new ArrayList<>()).add(vm);
            }
            for (String tag : vm.tags()) {
                groups.computeIfAbsent(tag, t -> new ArrayList<>()).add(vm);
            }
        }
        groups.values().forEach(list -> list.sort(NodeRow.BY_NAME));
        return groups;
    }

    /**
     * Only VMs in this state (running includes idle); null shows every state. Setting it rewrites
     * the filter's {@code state:} term, and typing one sets it.
     */
    public ObjectProperty<VmState> stateFilterProperty() {
        return stateFilter;
    }

    /** The current record of a VM by {@link VmSummary#key()}, or null when it is gone. */
    public VmSummary vm(String key) {
        Integer at = allVmsIndex.get(key);
        return at == null ? null : allVms.get(at);
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Why the filter as typed cannot match (an unknown filter or state); empty when it can. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** The addresses last sampled for a VM (those on screen are sampled), for the filter's bare words. */
    private List<String> addresses(VmSummary vm) {
        VmStats sampled = latestStats.get(vm.key());
        return sampled == null ? List.of() : sampled.addresses();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public String nodeName(String nodeId) {
        NodeRow row = nodesById.get(nodeId);
        return row == null ? nodeId : row.ref().name();
    }

    public boolean isNodeConnected(String nodeId) {
        NodeRow row = nodesById.get(nodeId);
        return row != null && row.status().state() == NodeState.CONNECTED;
    }

    /**
     * Moves once per batch in which a node's state changed: rows and tree cells on screen re-grey
     * themselves (a few dozen cells) instead of the whole table being rebuilt.
     */
    public ReadOnlyLongProperty nodeStatesTickProperty() {
        return nodeStatesTick.getReadOnlyProperty();
    }

    /** How many batches reached the FX thread so far (the regression guard counts them). */
    public long appliedBatches() {
        return appliedBatches;
    }

    /**
     * The latest statistics of a VM, or null when none were sampled (not running, or not on screen) or
     * its node is not connected: figures of a node that cannot be asked would be stale.
     */
    public VmStats stats(String key) {
        VmStats latest = latestStats.get(key);
        return latest == null || !isNodeConnected(nodeIdOf(key)) ? null : latest;
    }

    /** How long ago Vireo saw the VM start, in milliseconds; -1 when it did not see the start or its node is not connected. */
    public long uptimeMillis(String key) {
        Long since = seenStarting.get(key);
        return since == null || !isNodeConnected(nodeIdOf(key)) ? -1 : System.currentTimeMillis() - since;
    }

    private static String nodeIdOf(String vmKey) {
        return vmKey.substring(0, vmKey.indexOf('/'));
    }

    /** Counts statistics batches: views redraw their figures when it moves. */
    public ReadOnlyLongProperty statsTickProperty() {
        return statsTick.getReadOnlyProperty();
    }

    /** Only these VMs are sampled: those on screen, and the one in the details pane. */
    public void watchStats(Collection<VmSummary> onScreen) {
        stats.watchStats(onScreen);
    }

    /** How many times statistics were handed to the FX thread so far (one per batch, however many nodes sent). */
    public long statsHandOvers() {
        return statsQueue.dispatchCount();
    }

    public void setStatsInterval(int seconds) {
        stats.setStatsInterval(seconds);
    }

    private void applyStats(List<Map<String, VmStats>> batch) {
        batch.forEach(latestStats::putAll);
        long newest = 0;
        for (Map<String, VmStats> samples : batch) {
            for (VmStats sample : samples.values()) {
                ArrayDeque<VmStats> kept = sampledHistory.computeIfAbsent(sample.key(), k -> new ArrayDeque<>());
                if (kept.isEmpty() || kept.peekLast().sampledAtMillis() < sample.sampledAtMillis()) {
                    kept.addLast(sample);
                }
                while (kept.peekFirst().sampledAtMillis() < sample.sampledAtMillis() - VmDetailsViewModel.HISTORY_MILLIS) {
                    kept.removeFirst();
                }
                newest = Math.max(newest, sample.sampledAtMillis());
            }
        }
        long cutoff = newest - VmDetailsViewModel.HISTORY_MILLIS;
        if (newest > 0 && ++statsBatches % 64 == 0) {
            sampledHistory.values().removeIf(kept -> kept.peekLast().sampledAtMillis() < cutoff);   // VMs no longer on screen
        }
        statsTick.set(statsTick.get() + 1);
    }

    /** The samples of the last five minutes for a VM (taken while its row was on screen), oldest first. */
    public List<VmStats> sampledHistory(String key) {
        ArrayDeque<VmStats> kept = sampledHistory.get(key);
        return kept == null ? List.of() : List.copyOf(kept);
    }

    /** True while a batch of worker reports is being applied; views use it to tell their own changes from ours. */
    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    void apply(List<InventoryEvent> batch) {
        applying.set(true);
        try {
            applyBatch(batch);
        } finally {
            applying.set(false);
        }
    }

    private void applyBatch(List<InventoryEvent> batch) {
        appliedBatches++;
        Set<NodeRow> membershipChanged = new LinkedHashSet<>();
        List<VmSummary> valueChanges = new ArrayList<>();
        boolean statesChanged = false;
        for (InventoryEvent event : batch) {
            NodeRow row = nodesById.get(event.node().id());
            if (row == null) {
                continue;   // a late report from a node the window no longer shows
            }
            if (event instanceof InventoryEvent.StatusChanged s) {
                statesChanged |= s.status().state() != row.status().state();
                row.setStatus(s.status());
                if (s.status().state() != NodeState.CONNECTED) {
                    String prefix = row.ref().id() + "/";
                    latestStats.keySet().removeIf(key -> key.startsWith(prefix));
                }
            } else if (event instanceof InventoryEvent.Replaced r) {
                if (!membershipChanged.contains(row) && sameMembers(row, r.vms())) {
                    // A reconnect lists what was there: only the VMs that changed meanwhile are touched.
                    for (VmSummary vm : r.vms()) {
                        if (!vm.equals(row.byUuid.put(vm.uuid(), vm))) {
                            valueChanges.add(vm);
                        }
                    }
                } else {
                    row.byUuid.clear();
                    r.vms().forEach(vm -> row.byUuid.put(vm.uuid(), vm));
                    membershipChanged.add(row);
                }
            } else if (event instanceof InventoryEvent.Changed c) {
                for (VmSummary vm : c.changed()) {
                    VmSummary old = row.byUuid.put(vm.uuid(), vm);
                    if (old != null && !old.state().isActive() && vm.state().isRunning()) {
                        seenStarting.put(vm.key(), System.currentTimeMillis());
                    } else if (!vm.state().isActive()) {
                        seenStarting.remove(vm.key());
                    }
                    if (old == null || !old.name().equals(vm.name())) {
                        membershipChanged.add(row);
                    } else if (!old.equals(vm)) {
                        valueChanges.add(vm);
                    }
                }
                for (String uuid : c.removedUuids()) {
                    if (row.byUuid.remove(uuid) != null) {
                        membershipChanged.add(row);
                    }
                }
            }
        }
        latestStats.keySet().removeIf(key -> !isRunningVm(key));
        if (valueChanges.size() > MANY_CHANGES) {
            // One list rebuild beats thousands of single replacements, each passed through filter, sort and table.
            valueChanges.forEach(vm -> membershipChanged.add(nodesById.get(vm.nodeId())));
        }
        for (NodeRow row : membershipChanged) {
            List<VmSummary> sorted = new ArrayList<>(row.byUuid.values());
            sorted.sort(NodeRow.BY_NAME);
            row.mutableVms().setAll(sorted);
        }
        for (VmSummary vm : valueChanges) {
            NodeRow row = nodesById.get(vm.nodeId());
            if (!membershipChanged.contains(row)) {
                int at = Collections.binarySearch(row.mutableVms(), vm, NodeRow.BY_NAME);
                if (at >= 0) {
                    row.mutableVms().set(at, vm);
                }
            }
        }
        if (!membershipChanged.isEmpty()) {
            rebuildAllVms();
        } else {
            for (VmSummary vm : valueChanges) {
                Integer at = allVmsIndex.get(vm.key());
                if (at != null) {
                    allVms.set(at, vm);
                }
            }
        }
        if (statesChanged) {
            nodeStatesTick.set(nodeStatesTick.get() + 1);
            statsTick.set(statsTick.get() + 1);   // figures of a node that left or came back are blanked or shown
        }
        updateStatusText();
    }

    /** Above this many changed VMs in one batch, their nodes' lists are rebuilt instead. */
    private static final int MANY_CHANGES = 2000;

    /** Whether {@code vms} are the node's VMs as listed (same UUIDs, same names), whatever their states. */
    private static boolean sameMembers(NodeRow row, List<VmSummary> vms) {
        if (vms.size() != row.byUuid.size()) {
            return false;
        }
        for (VmSummary vm : vms) {
            VmSummary old = row.byUuid.get(vm.uuid());
            if (old == null || !old.name().equals(vm.name())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a VM still exists and runs; asks the node rows, which are current before the flat list is. */
    private boolean isRunningVm(String key) {
        int slash = key.indexOf('/');
        NodeRow row = nodesById.get(key.substring(0, slash));
        VmSummary vm = row == null ? null : row.byUuid.get(key.substring(slash + 1));
        return vm != null && vm.state().isActive();
    }

    private void rebuildAllVms() {
        List<VmSummary> all = new ArrayList<>(allVms.size() + 16);
        for (NodeRow row : nodes) {
            all.addAll(row.mutableVms());
        }
        allVmsIndex.clear();
        for (int i = 0; i < all.size(); i++) {
            allVmsIndex.put(all.get(i).key(), i);
        }
        allVms.setAll(all);
    }

    private void refilter() {
        NodeRow node = scope.get();
        VmQuery query = VmQuery.parse(filterText.get());
        String tag = tagScope.get();
        Predicate<VmSummary> inScope = node == null ? vm -> true : vm -> vm.nodeId().equals(node.ref().id());
        if (tag != null) {
            inScope = tag.equals(UNTAGGED) ? vm -> vm.tags().isEmpty() : vm -> vm.tags().contains(tag);
        }
        Predicate<VmSummary> matches = query.isEmpty() ? vm -> true : vm -> query.matches(vm, this::nodeName, this::addresses);
        filterProblem.set(query.problem().orElse(""));
        visibleVms.setPredicate(inScope.and(matches));
        updateStatusText();
    }

    /**
     * What the table says when it shows no VM: the filter matched none (and which), the node in
     * view is not connected or still connecting, or there are none yet.
     */
    public ReadOnlyStringProperty emptyTableTextProperty() {
        return emptyTableText.getReadOnlyProperty();
    }

    /** Whether the table is empty because of the filter, so the window offers to clear it. */
    public ReadOnlyBooleanProperty emptyByFilterProperty() {
        return emptyByFilter.getReadOnlyProperty();
    }

    /** Clears the filter and the state box, keeping the scope (FX thread). */
    public void clearFilter() {
        filterText.set("");
    }

    private void updateEmptyTableText() {
        String filter = filterText.get().strip();
        boolean inScope = scope.get() == null ? !allVms.isEmpty() : !scope.get().mutableVms().isEmpty();
        NodeRow node = scope.get();
        String text;
        if (!filter.isEmpty() && inScope) {
            text = messages.get("table.empty.noMatch", filter);
        } else if (node != null && node.status().state() == NodeState.CONNECTING) {
            text = messages.get("table.empty.connecting");
        } else if (node != null && node.status().state() != NodeState.CONNECTED) {
            text = messages.get("table.empty.notConnected", node.ref().name());
        } else if (scope.get() == null && !nodes.isEmpty() && nodes.stream().noneMatch(n -> n.status().state() == NodeState.CONNECTED)) {
            text = messages.get("table.empty.noneConnected");
        } else if (nodes.isEmpty()) {
            text = messages.get("table.empty.noNodes");
        } else {
            text = messages.get("table.empty.none");
        }
        emptyTableText.set(text);
        emptyByFilter.set(!filter.isEmpty() && inScope);
    }

    private void updateStatusText() {
        updateEmptyTableText();
        long connected = nodes.stream().filter(n -> n.status().state() == NodeState.CONNECTED).count();
        long running = allVms.stream().filter(vm -> vm.state().isRunning()).count();
        String summary = messages.get("status.summary", nodes.size(), connected, allVms.size(), running);
        if (visibleVms.size() != allVms.size()) {
            summary += " · " + messages.get("status.filtered", visibleVms.size(), allVms.size());
        }
        statusText.set(summary);
    }

    /** Forwards worker reports into the batch queue; runs on node workers. */
    private record QueueingListener(FxBatchQueue<InventoryEvent> queue) implements InventoryListener {
        @Override
        public void nodeStatusChanged(NodeRef node, NodeStatus status) {
            queue.post(new InventoryEvent.StatusChanged(node, status));
        }

        @Override
        public void vmsReplaced(NodeRef node, List<VmSummary> vms) {
            queue.post(new InventoryEvent.Replaced(node, List.copyOf(vms)));
        }

        @Override
        public void vmsChanged(NodeRef node, List<VmSummary> changed, Collection<String> removedUuids) {
            queue.post(new InventoryEvent.Changed(node, List.copyOf(changed), List.copyOf(removedUuids)));
        }
    }
}
