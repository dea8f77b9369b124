package org.vireo.ui.details;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.VmSnapshot;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.service.SnapshotService;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * The snapshots of the selected VM and the take/revert/delete operations on them. Operations run
 * on the node's worker; {@link #busyProperty()} is true while one runs. FX thread only.
 */
public final class SnapshotsViewModel {

    private final SnapshotService service;
    private final Messages messages;
    private final ServiceCalls calls;
    private final ObjectProperty<VmSummary> vm = new SimpleObjectProperty<>();
    private final ObservableList<VmSnapshot> snapshots = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long generation;

    public SnapshotsViewModel(SnapshotService service, Messages messages) {
        this(service, messages, null);
    }

    /** With {@code fxThread} standing in for the FX thread (tests). */
    public SnapshotsViewModel(SnapshotService service, Messages messages, Executor fxThread) {
        this.calls = ServiceCalls.on(fxThread);
        this.service = service;
        this.messages = messages;
        vm.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.key().equals(now.key())) {
                snapshots.clear();
                message.set("");
                load();
            } else if (old.state() != now.state()) {
                load();   // a revert changes the state; the current marker may have moved too
            }
        });
    }

    public ObjectProperty<VmSummary> vmProperty() {
        return vm;
    }

    /** Parents before their children. */
    public ObservableList<VmSnapshot> snapshots() {
        return snapshots;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What the last operation did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean running() {
        VmSummary shown = vm.get();
        return shown != null && (shown.state() == VmState.RUNNING || shown.state() == VmState.PAUSED);
    }

    public void load() {
        VmSummary shown = vm.get();
        if (shown == null) {
            return;
        }
        long mine = ++generation;
        calls.run(() -> service.snapshots(shown)).unlessStale(() -> mine == generation)
                .onSuccess(snapshots::setAll)
                .onFailureCause(error -> {
                    snapshots.clear();
                    message.set(FailureText.of(error));
                })
                .start();
    }

    /** Why {@code name} cannot be a new snapshot's name, or empty when it can. */
    public String nameProblem(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return messages.get("snapshots.name.empty");
        }
        if (n.contains("/")) {
            return messages.get("snapshots.name.slash");
        }
        if (n.length() > 100) {
            return messages.get("snapshots.name.length");
        }
        if (snapshots.stream().anyMatch(s -> s.name().equals(n))) {
            return messages.get("snapshots.name.taken", n);
        }
        return "";
    }

    /** A name to offer: "snapshot-1", "snapshot-2" … whichever is free. */
    public String suggestedName() {
        for (int i = 1; ; i++) {
            String candidate = "snapshot-" + i;
            if (nameProblem(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    public void take(String name, String description, boolean withMemory) {
        run(() -> service.takeSnapshot(vm.get(), name.strip(), description.strip(), withMemory),
                messages.get("snapshots.took", name.strip()));
    }

    public void revert(VmSnapshot snapshot) {
        run(() -> service.revertToSnapshot(vm.get(), snapshot.name()),
                messages.get("snapshots.reverted", snapshot.name()));
    }

    public void delete(VmSnapshot snapshot, boolean withChildren) {
        run(() -> service.deleteSnapshot(vm.get(), snapshot.name(), withChildren),
                messages.get(withChildren ? "snapshots.deletedWithChildren" : "snapshots.deleted", snapshot.name()));
    }

    /** The snapshots below {@code snapshot} in the tree. */
    public List<VmSnapshot> descendantsOf(VmSnapshot snapshot) {
        Set<String> family = new HashSet<>(List.of(snapshot.name()));
        List<VmSnapshot> found = new ArrayList<>();
        for (VmSnapshot s : snapshots) {   // parents come first, so one pass finds every generation
            if (family.contains(s.parent())) {
                family.add(s.name());
                found.add(s);
            }
        }
        return found;
    }

    private void run(Supplier<CompletableFuture<Void>> operation, String done) {
        if (vm.get() == null || busy.get()) {
            return;
        }
        message.set(messages.get("snapshots.working"));
        calls.run(operation).busy(busy)
                .onSuccess(ok -> message.set(done))
                .onFailureCause(error -> message.set(FailureText.of(error)))
                .always(this::load)
                .start();
    }

}
