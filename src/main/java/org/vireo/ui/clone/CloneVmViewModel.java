package org.vireo.ui.clone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.NodeFacts;
import org.vireo.model.StorageItem;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.service.CloneService;
import org.vireo.service.CloneService.DiskChoice;
import org.vireo.service.CloneService.DiskMode;
import org.vireo.service.LongJob;
import org.vireo.service.VmCreation;
import org.vireo.service.VmService;
import org.vireo.service.create.SpecValidator;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.jobs.JobsViewModel;

/** Cloning one VM: the new name (validated like the wizard's) and a mode per disk. FX thread only. */
public final class CloneVmViewModel {

    /** One disk of the original and what the copy does with it. */
    public record DiskRow(StorageItem item, ObjectProperty<DiskMode> mode, StringProperty pool) {
        /** Only a volume in a pool can be cloned by libvirt. */
        public boolean cloneable() {
            return !item.volume().isEmpty();
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)$");

    private final CloneService clones;
    private final Messages messages;
    private JobsViewModel jobs;
    private final VmSummary source;
    private final ServiceCalls calls = ServiceCalls.on(null);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Set<String>> taken = new SimpleObjectProperty<>(Set.of());
    private final StringBinding nameError;
    private final ObservableList<DiskRow> disks = FXCollections.observableArrayList();
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final StringProperty progress = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(true);

    public CloneVmViewModel(CloneService clones, VmCreation nodes, VmService vms, VmSummary source, Messages messages) {
        this.clones = clones;
        this.messages = messages;
        this.source = source;
        nameError = Bindings.createStringBinding(() -> SpecValidator.nameProblem(name.get(), taken.get()), name, taken);
        progress.set(messages.get("clone.readingDisks", source.name()));
        record Loaded(NodeFacts facts, List<StorageItem> storage) {
        }
        calls.run(() -> nodes.facts(source.nodeId()).thenCombine(vms.storageOf(source), Loaded::new))
                .onSuccess(loaded -> {
                    taken.set(loaded.facts().vmNames());
                    name.set(nextName(source.name(), loaded.facts().vmNames()));
                    pools.setAll(loaded.facts().pools().stream().map(p -> p.name()).toList());
                    disks.setAll(loaded.storage().stream().map(s -> new DiskRow(s,
                            new SimpleObjectProperty<>(s.volume().isEmpty() ? DiskMode.SHARE : DiskMode.CLONE),
                            new SimpleStringProperty(s.volume().contains("/") ? s.volume().substring(0, s.volume().indexOf('/')) : "")))
                            .toList());
                    progress.set("");
                    busy.set(false);
                })
                .onFailureCause(error -> progress.set(FailureText.of(error)))
                .start();
    }

    public VmSummary source() {
        return source;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public ObservableList<DiskRow> disks() {
        return disks;
    }

    /** The node's storage pools, where a cloned disk's new volume may go. */
    public ObservableList<String> pools() {
        return pools;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** "web-01" → "web-02", "db" → "db-2": the first free name in that series. */
    static String nextName(String original, Set<String> taken) {
        Matcher m = NUMBERED.matcher(original);
        String stem = m.matches() ? m.group(1) : original + "-";
        int width = m.matches() ? m.group(2).length() : 1;
        long n = m.matches() ? Long.parseLong(m.group(2)) + 1 : 2;
        for (; ; n++) {
            String candidate = stem + String.format("%0" + width + "d", n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Lists each clone in the Jobs window. */
    public void setJobs(JobsViewModel jobs) {
        this.jobs = jobs;
    }

    /** Starts the clone; completes (on the FX thread) with the new VM's UUID, or fails with the reason shown in {@link #progressProperty()}. */
    public CompletableFuture<String> cloneVm() {
        CompletableFuture<String> done = new CompletableFuture<>();
        if (busy.get() || !nameError.get().isEmpty()) {
            done.cancel(false);
            return done;
        }
        Map<String, DiskChoice> modes = new LinkedHashMap<>();
        disks.forEach(d -> modes.put(d.item().target(), new DiskChoice(d.mode().get(), d.pool().get() == null ? "" : d.pool().get())));
        String newName = name.get().strip();
        // Listed in the Jobs window too: copying disks can take long after the dialog is closed.
        LongJob job = LongJob.steps(Texts.get("op.cloneAs", source.name(), newName));
        if (jobs != null) {
            jobs.add(job, outcome -> { });
        }
        calls.run(() -> clones.cloneVm(source, newName, modes, step -> {
                    job.step(0, 0, step);
                    calls.post(() -> progress.set(step));
                }))
                .busy(busy)
                .onSuccess(uuid -> {
                    progress.set(messages.get("clone.done", newName));
                    job.result().complete(messages.get("clone.done", newName));
                    done.complete(uuid);
                })
                .onFailureCause(error -> {
                    job.result().completeExceptionally(error);
                    progress.set(FailureText.of(error));
                    done.completeExceptionally(error);
                })
                .start();
        return done;
    }
}
