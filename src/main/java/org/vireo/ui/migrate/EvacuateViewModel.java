package org.vireo.ui.migrate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.EvacuationPlan;
import org.vireo.model.MigrationCheck;
import org.vireo.model.MigrationOptions;
import org.vireo.model.NodeRef;
import org.vireo.model.VmSummary;
import org.vireo.service.LongJob;
import org.vireo.service.MigrationService;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.NodeMigrationSettings;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.jobs.JobsViewModel;

/**
 * Emptying a node: each running VM is checked against every other connected node not in maintenance, a plan proposes
 * a destination per VM (editable), and the moves run N at a time in the Jobs panel, with a summary at the end. A VM no
 * node can take stays, with the reasons. FX thread only.
 */
public final class EvacuateViewModel {

    /** One VM of the plan. */
    public static final class Row {
        private final VmSummary vm;
        private final ObservableList<String> choices = FXCollections.observableArrayList("");
        private final StringProperty destination = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
        private final Map<String, MigrationCheck> answers = new HashMap<>();

        Row(VmSummary vm) {
            this.vm = vm;
        }

        public VmSummary vm() {
            return vm;
        }

        /** "" (it stays) and the ids of the nodes that can take it. */
        public ObservableList<String> choices() {
            return choices;
        }

        /** The chosen node's id; empty: it stays. */
        public StringProperty destinationProperty() {
            return destination;
        }

        /** "checking…", why it stays, "moving…", where it went or why not. */
        public ReadOnlyStringProperty statusProperty() {
            return status.getReadOnlyProperty();
        }
    }

    private final MigrationService service;
    private final NodeMigrationSettings nodeSettings;
    private final NodeRef source;
    private final List<NodeRef> destinations;
    private final List<NodeRef> inMaintenance;
    private final Messages messages;
    private final JobsViewModel jobs;
    private final ServiceCalls calls;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final IntegerProperty atOnce = new SimpleIntegerProperty(1);
    private final BooleanProperty planned = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanBinding canStart;
    private int pending;
    private final Deque<Row> queue = new ArrayDeque<>();
    private int moving;
    private final List<String> moved = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> stayed = new ArrayList<>();

    public EvacuateViewModel(MigrationService service, NodeMigrationSettings nodeSettings, NodeRef source, List<VmSummary> vms,
                             List<NodeRef> others, Messages messages, JobsViewModel jobs) {
        this(service, nodeSettings, source, vms, others, messages, jobs, null);
    }

    /** With {@code fxThread} standing in for the FX thread (tests). */
    EvacuateViewModel(MigrationService service, NodeMigrationSettings nodeSettings, NodeRef source, List<VmSummary> vms,
                      List<NodeRef> others, Messages messages, JobsViewModel jobs, Executor fxThread) {
        this.service = service;
        this.nodeSettings = nodeSettings;
        this.source = source;
        this.destinations = others.stream().filter(n -> !nodeSettings.inMaintenance(n)).toList();
        this.inMaintenance = others.stream().filter(nodeSettings::inMaintenance).toList();
        this.messages = messages;
        this.jobs = jobs;
        this.calls = ServiceCalls.on(fxThread);
        vms.stream().filter(vm -> vm.state().isActive()).map(Row::new).forEach(rows::add);
        canStart = Bindings.createBooleanBinding(() -> planned.get() && !running.get() && !finished.get()
                && rows.stream().anyMatch(r -> !r.destination.get().isEmpty()), planned, running, finished, rows);
        for (Row row : rows) {
            row.destination.addListener((obs, old, now) -> canStart.invalidate());
        }
    }

    /** Asks every destination about every VM; the plan is made once all have answered. */
    public void check() {
        if (rows.isEmpty() || destinations.isEmpty()) {
            planned.set(true);
            rows.forEach(r -> r.status.set(messages.get("evacuate.noDestination")));
            return;
        }
        pending = rows.size() * destinations.size();
        for (Row row : rows) {
            row.status.set(messages.get("evacuate.checking"));
            List<CompletableFuture<MigrationCheck>> answers = service.checkMigrations(row.vm, destinations.stream().map(NodeRef::id).toList());
            for (int i = 0; i < destinations.size(); i++) {
                NodeRef dest = destinations.get(i);
                CompletableFuture<MigrationCheck> answer = answers.get(i);
                calls.run(() -> answer)
                        .onSuccess(check -> answered(row, check))
                        .onFailure(reason -> answered(row, MigrationCheck.unreachable(dest.id(), dest.name(), reason)))
                        .start();
            }
        }
    }

    private void answered(Row row, MigrationCheck check) {
        row.answers.put(check.nodeId(), check);
        if (--pending == 0) {
            plan();
        }
    }

    private void plan() {
        Map<String, List<MigrationCheck>> checks = new HashMap<>();
        rows.forEach(r -> checks.put(r.vm.key(), List.copyOf(r.answers.values())));
        List<EvacuationPlan.Assignment> plan = EvacuationPlan.plan(rows.stream().map(Row::vm).toList(), checks, this::options);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            EvacuationPlan.Assignment assignment = plan.get(i);
            for (NodeRef dest : destinations) {
                MigrationCheck answer = row.answers.get(dest.id());
                if (answer != null && answer.problemsWith(options(row.vm, answer)).isEmpty()) {
                    row.choices.add(dest.id());
                }
            }
            row.destination.set(assignment.nodeId());
            row.status.set(assignment.moves() ? messages.get("evacuate.proposed") : assignment.reason());
        }
        planned.set(true);
    }

    /** How a VM moves to a destination in this plan: live, its local disks copied, kept there, the destination's peer URI. */
    MigrationOptions options(VmSummary vm, MigrationCheck answer) {
        NodeRef dest = destinations.stream().filter(n -> n.id().equals(answer.nodeId())).findFirst().orElse(null);
        String peer = dest == null ? "" : NodeMigrationSettings.peerUri(dest, nodeSettings.peerAddress(dest)).orElse("");
        return new MigrationOptions(true, !answer.localDisks().isEmpty(), "", true, false, 0, false, peer);
    }

    /** Runs the plan: N moves at a time, the next starting as one ends. */
    public void start() {
        running.set(true);
        for (Row row : rows) {
            if (row.destination.get().isEmpty()) {
                stayed.add(messages.get("evacuate.summary.stayed", row.vm.name(), row.status.get()));
            } else {
                queue.add(row);
                row.status.set(messages.get("evacuate.waiting"));
            }
        }
        next();
    }

    private void next() {
        while (moving < Math.max(1, atOnce.get()) && !queue.isEmpty()) {
            Row row = queue.poll();
            String destId = row.destination.get();
            MigrationCheck answer = row.answers.get(destId);
            String destName = answer == null ? destId : answer.nodeName();
            moving++;
            row.status.set(messages.get("evacuate.moving", destName));
            LongJob job = service.migrate(row.vm, destId, options(row.vm, answer));
            jobs.add(job, outcome -> { });
            job.result().whenComplete((outcome, error) -> calls.post(() -> {
                moving--;
                if (error == null) {
                    row.status.set(messages.get("evacuate.moved", destName));
                    moved.add(messages.get("evacuate.summary.moved", row.vm.name(), destName));
                } else {
                    String reason = FailureText.reason(error);
                    row.status.set(messages.get("evacuate.failed", reason));
                    failed.add(messages.get("evacuate.summary.failed", row.vm.name(), destName, reason));
                }
                if (queue.isEmpty() && moving == 0) {
                    finish();
                } else {
                    next();
                }
            }));
        }
        if (queue.isEmpty() && moving == 0) {
            finish();
        }
    }

    private void finish() {
        if (finished.get()) {
            return;
        }
        running.set(false);
        finished.set(true);
        List<String> parts = new ArrayList<>();
        parts.add(messages.get("evacuate.summary.movedCount", moved.size(), String.join(", ", moved)));
        if (!failed.isEmpty()) {
            parts.add(messages.get("evacuate.summary.failedCount", failed.size(), String.join("; ", failed)));
        }
        if (!stayed.isEmpty()) {
            parts.add(messages.get("evacuate.summary.stayedCount", stayed.size(), String.join("; ", stayed)));
        }
        summary.set(String.join("\n", parts));
    }

    public NodeRef source() {
        return source;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The name of a destination node by id ("" → "stays here"). */
    public String nodeName(String id) {
        if (id == null || id.isEmpty()) {
            return messages.get("evacuate.stays");
        }
        return destinations.stream().filter(n -> n.id().equals(id)).map(NodeRef::name).findFirst().orElse(id);
    }

    /** The nodes left out because they are in maintenance, for the dialog to say. */
    public List<NodeRef> inMaintenance() {
        return inMaintenance;
    }

    /** How many moves run at once (the user chooses; 1 by default). */
    public IntegerProperty atOnceProperty() {
        return atOnce;
    }

    public BooleanProperty plannedProperty() {
        return planned;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** Where each VM went, which failed and why, which stayed and why; set once every move has ended. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
