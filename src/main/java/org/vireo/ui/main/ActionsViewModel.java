package org.vireo.ui.main;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.StorageItem;
import org.vireo.model.VmAction;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;
import org.vireo.service.Settings;
import org.vireo.service.VmService;
import org.vireo.ui.clone.CloneVmViewModel;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.migrate.MigrateViewModel;
import org.vireo.ui.rename.RenameViewModel;

/**
 * Lifecycle actions on the selected VMs: which are possible, running them (concurrently, each
 * on its node's worker), progress, and a summary of what happened. FX thread only; completions
 * come back through a batch queue.
 */
public final class ActionsViewModel {

    static final String CONFIRM_PREFIX = "confirm.";

    private final VmService vms;
    private final Settings settings;
    private final ServiceCalls calls;
    private final ObservableList<VmSummary> selection = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ObjectProperty<BulkResult> lastResult = new SimpleObjectProperty<>();

    private final Function<VmSummary, CloneVmViewModel> clones;

    public ActionsViewModel(VmService vms, Settings settings,
                            Function<VmSummary, CloneVmViewModel> clones) {
        this(vms, settings, clones, null);
    }

    ActionsViewModel(VmService vms, Settings settings,
                     Function<VmSummary, CloneVmViewModel> clones, Executor fxThread) {
        this.clones = clones;
        this.vms = vms;
        this.settings = settings;
        this.calls = ServiceCalls.on(fxThread);
    }

    /** The VMs selected in the table; the view keeps it current. */
    public ObservableList<VmSummary> selection() {
        return selection;
    }

    /** True when the action applies to at least one selected VM. */
    /** Cloning takes one VM, shut off (its disks are consistent only then). */
    public BooleanBinding canClone() {
        return Bindings.createBooleanBinding(() -> selection.size() == 1
                && selection.get(0).state() == VmState.SHUT_OFF, selection);
    }

    /** Renaming takes one persistent VM, shut off (libvirt renames only an inactive domain). */
    public BooleanBinding canRename() {
        return Bindings.createBooleanBinding(() -> selection.size() == 1 && selection.get(0).persistent()
                && selection.get(0).state() == VmState.SHUT_OFF, selection);
    }

    /** The rename dialog's view model for the one selected VM; {@code allVms} gives the names taken on its node. */
    public RenameViewModel renameSelected(List<VmSummary> allVms) {
        VmSummary vm = selection.get(0);
        return new RenameViewModel(vms, vm, allVms.stream().filter(other -> other.nodeId().equals(vm.nodeId()))
                .map(VmSummary::name).collect(Collectors.toSet()));
    }

    private Function<VmSummary, MigrateViewModel> migrations = vm -> {
        throw new IllegalStateException("no migration");
    };

    /** Where the Migrate dialog's view model comes from (the window sets it: it knows the nodes and the Jobs panel). */
    public void setMigrations(Function<VmSummary, MigrateViewModel> migrations) {
        this.migrations = migrations;
    }

    /** Moving takes one VM (running, paused or shut off; a transient one only while it runs). */
    public BooleanBinding canMigrate() {
        return Bindings.createBooleanBinding(() -> selection.size() == 1
                && (selection.get(0).state().isActive() || selection.get(0).persistent() && selection.get(0).state() == VmState.SHUT_OFF),
                selection);
    }

    /** The Migrate dialog's view model for the one selected VM. */
    public MigrateViewModel migrateSelected() {
        return migrations.apply(selection.get(0));
    }

    /** The clone dialog's view model for the one selected VM. */
    public CloneVmViewModel cloneSelected() {
        return clones.apply(selection.get(0));
    }

    public BooleanBinding canPerform(VmAction action) {
        return Bindings.createBooleanBinding(() -> selection.stream().anyMatch(action::allowedFor), selection);
    }

    public boolean needsConfirmation(VmAction action) {
        return action.asksForConfirmation() && settings.getBoolean(CONFIRM_PREFIX + action.id(), true);
    }

    public void setConfirmation(VmAction action, boolean ask) {
        settings.putBoolean(CONFIRM_PREFIX + action.id(), ask);
    }

    /** The selected VMs the action applies to. */
    public List<VmSummary> targets(VmAction action) {
        return selection.stream().filter(action::allowedFor).toList();
    }

    /** The storage of each target, for the delete confirmation; completes on the FX thread. */
    public CompletableFuture<List<StorageItem>> storageOf(List<VmSummary> targets) {
        List<CompletableFuture<List<StorageItem>>> parts = targets.stream().map(vms::storageOf).toList();
        CompletableFuture<List<StorageItem>> result = new CompletableFuture<>();
        calls.run(() -> CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ok -> {
            List<StorageItem> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        })).onSuccess(result::complete).onFailureCause(result::completeExceptionally).start();
        return result;
    }

    /**
     * Runs {@code action} on every selected VM it applies to, concurrently (each node's worker
     * takes its own VMs in turn). Completes on the FX thread with the summary, also published
     * as {@link #lastResultProperty()}.
     */
    public CompletableFuture<BulkResult> perform(VmAction action, boolean deleteStorage) {
        List<VmSummary> targets = targets(action);
        int skipped = selection.size() - targets.size();
        CompletableFuture<BulkResult> done = new CompletableFuture<>();
        if (targets.isEmpty()) {
            BulkResult nothing = new BulkResult(action, 0, List.of(), skipped);
            lastResult.set(nothing);
            done.complete(nothing);
            return done;
        }
        lastResult.set(null);   // the last action's summary goes when the next one starts
        busy.set(true);
        progress.set(0);
        AtomicInteger finished = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (VmSummary vm : targets) {
            vms.perform(vm, action, deleteStorage).whenComplete((ok, error) -> {
                if (error != null) {
                    failures.add(vm.name() + ": " + FailureText.reason(error));
                }
                int count = finished.incrementAndGet();
                calls.post(() -> {
                    progress.set((double) count / targets.size());
                    if (count == targets.size()) {
                        List<String> sortedFailures = new ArrayList<>(failures);
                        Collections.sort(sortedFailures);
                        BulkResult result = new BulkResult(action, targets.size() - sortedFailures.size(), sortedFailures, skipped);
                        busy.set(false);
                        lastResult.set(result);
                        done.complete(result);
                    }
                });
            });
        }
        return done;
    }

    /** Sets the same tags on every selected VM. */
    public CompletableFuture<BulkResult> setTags(List<String> tags) {
        List<VmSummary> targets = List.copyOf(selection);
        List<CompletableFuture<Void>> parts = targets.stream().map(vm -> vms.setTags(vm, tags)).toList();
        CompletableFuture<BulkResult> done = new CompletableFuture<>();
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> calls.post(() -> {
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).isCompletedExceptionally()) {
                    try {
                        parts.get(i).join();
                    } catch (CompletionException e) {
                        failures.add(targets.get(i).name() + ": " + FailureText.reason(e));
                    }
                }
            }
            done.complete(new BulkResult(null, targets.size() - failures.size(), failures, 0));
        }));
        return done;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObjectProperty<BulkResult> lastResultProperty() {
        return lastResult;
    }
}
