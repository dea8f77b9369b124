package org.vireo.ui.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.ByteSize;
import org.vireo.model.MigrationCheck;
import org.vireo.model.MigrationOptions;
import org.vireo.model.NodeRef;
import org.vireo.model.VmSummary;
import org.vireo.service.LongJob;
import org.vireo.service.MigrationService;
import org.vireo.service.device.MigrationRules;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.NodeMigrationSettings;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.jobs.JobsViewModel;

/**
 * Moving one VM to another node: every connected node is asked at once whether it can take the VM, and says why not;
 * the user picks one that can and how the VM goes (live or offline by its state, its storage copied or not, kept or
 * temporary, a bandwidth limit, the tunnel, the address the source reaches the destination at). The move runs in the
 * Jobs panel. FX thread only.
 */
public final class MigrateViewModel {

    /** A node the VM could go to, and what it said. */
    public static final class Destination {
        private final NodeRef node;
        private final boolean maintenance;
        private final ReadOnlyObjectWrapper<MigrationCheck> check = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();

        Destination(NodeRef node, boolean maintenance) {
            this.node = node;
            this.maintenance = maintenance;
        }

        public NodeRef node() {
            return node;
        }

        /** What it said; null while it is being asked. */
        public ReadOnlyObjectProperty<MigrationCheck> checkProperty() {
            return check.getReadOnlyProperty();
        }

        /** "node B — 11.2 GiB free", "node B — cannot take it: …", "node B — checking…". */
        public ReadOnlyStringProperty summaryProperty() {
            return summary.getReadOnlyProperty();
        }

        boolean usable() {
            return !maintenance && check.get() != null && check.get().problems().isEmpty();
        }
    }

    private final MigrationService service;
    private final NodeMigrationSettings nodeSettings;
    private final VmSummary vm;
    private final String sourceName;
    private final Messages messages;
    private final JobsViewModel jobs;
    private final ServiceCalls calls;
    private final ObservableList<Destination> destinations = FXCollections.observableArrayList();
    private final ObjectProperty<Destination> destination = new SimpleObjectProperty<>();
    private final BooleanProperty copyStorage = new SimpleBooleanProperty(true);
    private final StringProperty targetPool = new SimpleStringProperty("");
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final BooleanProperty persistent = new SimpleBooleanProperty(true);
    private final BooleanProperty deleteSourceDisks = new SimpleBooleanProperty(false);
    private final StringProperty bandwidth = new SimpleStringProperty("");
    private final BooleanProperty tunnelled = new SimpleBooleanProperty(false);
    private final StringProperty peerAddress = new SimpleStringProperty("");
    private final StringBinding bandwidthError = Bindings.createStringBinding(() -> MigrationRules.bandwidthProblem(bandwidth.get()), bandwidth);
    private final StringBinding peerAddressError = Bindings.createStringBinding(() -> MigrationRules.peerAddressProblem(peerAddress.get()),
            peerAddress);
    private final StringBinding peerUri;
    /** The chosen destination's answer, null while it is asked. */
    private final ObjectProperty<MigrationCheck> chosenCheck = new SimpleObjectProperty<>();
    private final StringBinding problems;
    private final StringBinding storageText;
    private final BooleanBinding canMigrate;
    private final BooleanBinding hasLocalDisks;

    public MigrateViewModel(MigrationService service, NodeMigrationSettings nodeSettings, VmSummary vm, String sourceName,
                            List<NodeRef> others, Messages messages, JobsViewModel jobs) {
        this(service, nodeSettings, vm, sourceName, others, messages, jobs, null);
    }

    /** With {@code fxThread} standing in for the FX thread (tests). */
    MigrateViewModel(MigrationService service, NodeMigrationSettings nodeSettings, VmSummary vm, String sourceName,
                     List<NodeRef> others, Messages messages, JobsViewModel jobs, Executor fxThread) {
        this.service = service;
        this.nodeSettings = nodeSettings;
        this.vm = vm;
        this.sourceName = sourceName;
        this.messages = messages;
        this.jobs = jobs;
        this.calls = ServiceCalls.on(fxThread);
        // a transient VM stays transient unless the user asks to keep it on the destination
        persistent.set(vm.persistent());
        for (NodeRef node : others) {
            destinations.add(new Destination(node, nodeSettings.inMaintenance(node)));
        }
        peerUri = Bindings.createStringBinding(() -> destination.get() == null || !peerAddressError.get().isEmpty() ? ""
                : NodeMigrationSettings.peerUri(destination.get().node(), peerAddress.get()).orElse(""), destination, peerAddress, peerAddressError);
        problems = Bindings.createStringBinding(this::problemText, destination, chosenCheck, copyStorage, targetPool, persistent, peerUri);
        storageText = Bindings.createStringBinding(this::storageDescription, chosenCheck);
        hasLocalDisks = Bindings.createBooleanBinding(() -> chosenCheck.get() != null && !chosenCheck.get().localDisks().isEmpty(), chosenCheck);
        canMigrate = Bindings.createBooleanBinding(() -> chosenCheck.get() != null && problems.get().isEmpty()
                && bandwidthError.get().isEmpty() && peerAddressError.get().isEmpty(), chosenCheck, problems, bandwidthError, peerAddressError);
        destination.addListener((obs, old, now) -> {
            chosenCheck.set(now == null ? null : now.check.get());
            peerAddress.set(now == null ? "" : nodeSettings.peerAddress(now.node()));
            choosePools(now == null ? null : now.check.get());
        });
        persistent.addListener((obs, old, now) -> {
            if (!now) {
                deleteSourceDisks.set(false);   // the source keeps its definition, which still uses them
            }
        });
        destinations.forEach(this::describe);
    }

    /** Asks every destination at once; each answer arrives by itself, and the best one is chosen while the user has not. */
    public void checkAll() {
        List<CompletableFuture<MigrationCheck>> answers = service.checkMigrations(vm, destinations.stream().map(d -> d.node().id()).toList());
        for (int i = 0; i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            CompletableFuture<MigrationCheck> answer = answers.get(i);
            calls.run(() -> answer)
                    .onSuccess(check -> arrived(d, check))
                    .onFailure(reason -> arrived(d, MigrationCheck.unreachable(d.node().id(), d.node().name(), reason)))
                    .start();
        }
    }

    private void arrived(Destination d, MigrationCheck check) {
        d.check.set(check);
        describe(d);
        if (destination.get() == d) {
            chosenCheck.set(check);
            choosePools(check);
        }
        Destination chosen = destination.get();
        if (chosen == null || !chosen.usable()) {
            // the node with the most free memory among those that can take it; when none can, the first, to say why
            Optional<Destination> best = destinations.stream().filter(Destination::usable)
                    .max(Comparator.comparingLong(x -> x.check.get().freeMemory()));
            if (best.isPresent()) {
                destination.set(best.get());
            } else if (chosen == null && destinations.stream().allMatch(x -> x.check.get() != null)) {
                destination.set(destinations.get(0));
            }
        }
    }

    private void describe(Destination d) {
        MigrationCheck check = d.check.get();
        String name = d.node().name();
        if (d.maintenance) {
            d.summary.set(messages.get("migrate.node.maintenance", name));
        } else if (check == null) {
            d.summary.set(messages.get("migrate.node.checking", name));
        } else if (!check.problems().isEmpty()) {
            d.summary.set(messages.get("migrate.node.cannot", name, check.problems().get(0)));
        } else {
            d.summary.set(messages.get("migrate.node.can", name, new ByteSize(check.freeMemory()).toHuman()));
        }
    }

    private void choosePools(MigrationCheck check) {
        List<String> names = new ArrayList<>();
        names.add("");
        if (check != null) {
            check.pools().stream().map(MigrationCheck.Pool::name).forEach(names::add);
            if (!check.localDisks().isEmpty() && !copyStorage.get()) {
                copyStorage.set(true);
            }
        }
        String kept = targetPool.get();
        pools.setAll(names);
        targetPool.set(names.contains(kept) ? kept : "");
    }

    private String problemText() {
        Destination d = destination.get();
        MigrationCheck check = chosenCheck.get();
        if (d == null) {
            return destinations.isEmpty() ? messages.get("migrate.noOtherNode") : "";
        }
        if (d.maintenance) {
            return messages.get("migrate.inMaintenance", d.node().name());
        }
        return check == null ? "" : String.join("\n", check.problemsWith(options()));
    }

    private String storageDescription() {
        MigrationCheck check = chosenCheck.get();
        if (check == null || check.localDisks().isEmpty()) {
            return messages.get("migrate.storage.none");
        }
        List<String> disks = check.localDisks().stream().map(d -> messages.get("migrate.storage.disk", d.target(),
                new ByteSize(d.capacity()).toHuman(), d.pool().isEmpty() ? d.path() : d.pool())).toList();
        return messages.get("migrate.storage.local", String.join(", ", disks), sourceName);
    }

    /** The choices as the move takes them. */
    public MigrationOptions options() {
        return new MigrationOptions(live(), copyStorage.get(), targetPool.get() == null ? "" : targetPool.get(), !live() || persistent.get(),
                live() && deleteSourceDisks.get(), bandwidthError.get().isEmpty() ? MigrationRules.bandwidth(bandwidth.get()) : 0,
                tunnelled.get(), peerUri.get());
    }

    /** Starts the move in the Jobs panel; the address given for the destination is kept for next time. */
    public LongJob migrate() {
        Destination d = destination.get();
        nodeSettings.setPeerAddress(d.node(), peerAddress.get());
        LongJob job = service.migrate(vm, d.node().id(), options());
        jobs.add(job, outcome -> { });
        return job;
    }

    public VmSummary vm() {
        return vm;
    }

    public String sourceName() {
        return sourceName;
    }

    /** A running (or paused) VM moves live; a shut-off one moves its definition. */
    public boolean live() {
        return vm.state().isActive();
    }

    public ObservableList<Destination> destinations() {
        return destinations;
    }

    public ObjectProperty<Destination> destinationProperty() {
        return destination;
    }

    public BooleanProperty copyStorageProperty() {
        return copyStorage;
    }

    public StringProperty targetPoolProperty() {
        return targetPool;
    }

    /** "" (the pool of the same name) and the destination's running pools. */
    public ObservableList<String> pools() {
        return pools;
    }

    public BooleanProperty persistentProperty() {
        return persistent;
    }

    public BooleanProperty deleteSourceDisksProperty() {
        return deleteSourceDisks;
    }

    public StringProperty bandwidthProperty() {
        return bandwidth;
    }

    public StringBinding bandwidthErrorProperty() {
        return bandwidthError;
    }

    public BooleanProperty tunnelledProperty() {
        return tunnelled;
    }

    public StringProperty peerAddressProperty() {
        return peerAddress;
    }

    public StringBinding peerAddressErrorProperty() {
        return peerAddressError;
    }

    /** The destination's libvirtd as the source node will reach it. */
    public StringBinding peerUriProperty() {
        return peerUri;
    }

    /** Why the chosen destination cannot take the VM with these choices, one reason a line; empty when it can. */
    public StringBinding problemsProperty() {
        return problems;
    }

    /** Which disks are on the source's own storage, in words. */
    public StringBinding storageProperty() {
        return storageText;
    }

    /** Whether the chosen destination's answer lists disks on the source's own storage (the storage choices apply). */
    public BooleanBinding hasLocalDisksProperty() {
        return hasLocalDisks;
    }

    public BooleanBinding canMigrateProperty() {
        return canMigrate;
    }
}
