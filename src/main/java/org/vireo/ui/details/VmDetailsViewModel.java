package org.vireo.ui.details;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
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
import javafx.collections.ObservableMap;
import org.vireo.model.VmDetails;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.service.DeviceService;
import org.vireo.service.SnapshotService;
import org.vireo.service.VmService;
import org.vireo.service.VmSettingsService;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * The details of the one selected VM: loaded on its node's worker, kept in step with its
 * state, with a rolling history of its statistics and the edits the user makes. FX thread only.
 */
public final class VmDetailsViewModel {

    /** How much history the graphs keep (the window keeps as much of each on-screen VM's samples for them). */
    public static final long HISTORY_MILLIS = 5 * 60 * 1000;

    private final VmService service;
    private final ServiceCalls calls;
    private final ObservableMap<String, PendingInstall> pendingInstalls = FXCollections.observableHashMap();
    private final StringProperty requestedTab = new SimpleStringProperty();
    private final ObjectProperty<VmSummary> vm = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<VmDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final BooleanProperty autostart = new SimpleBooleanProperty();
    private final ObservableList<VmStats> history = FXCollections.observableArrayList();
    private final SnapshotsViewModel snapshots;
    private final HardwareViewModel hardware;
    private final SettingsViewModel settings;
    private final XmlViewModel xml;
    private final Messages messages;
    private long loadGeneration;
    private Function<String, List<VmStats>> sampled = key -> List.of();

    public VmDetailsViewModel(VmService service, SnapshotService snapshotService, DeviceService deviceService,
                              VmSettingsService settingsService, Messages messages) {
        this(service, snapshotService, deviceService, settingsService, messages, null);
    }

    VmDetailsViewModel(VmService service, SnapshotService snapshotService, DeviceService deviceService,
                       VmSettingsService settingsService, Messages messages, Executor fxThread) {
        this.service = service;
        this.messages = messages;
        this.snapshots = new SnapshotsViewModel(snapshotService, messages, fxThread);
        snapshots.vmProperty().bind(vm);
        this.hardware = new HardwareViewModel(deviceService, messages, fxThread, this::load);
        hardware.vmProperty().bind(vm);
        this.settings = new SettingsViewModel(settingsService, messages, fxThread);
        settings.vmProperty().bind(vm);
        this.xml = new XmlViewModel(settingsService, messages, fxThread);
        xml.vmProperty().bind(vm);
        this.calls = ServiceCalls.on(fxThread);
        vm.addListener((obs, old, now) -> {
            boolean otherVm = old == null || now == null || !old.key().equals(now.key());
            if (otherVm) {
                // What was already sampled for it (its row was on screen) rather than starting empty.
                history.setAll(now == null ? List.of() : sampled.apply(now.key()));
                message.set("");
            }
            if (now == null) {
                details.set(null);
                hardware.show(List.of());
            } else if (otherVm || old.state() != now.state() || !old.equals(now)) {
                load();
            }
        });
    }

    /** The VM shown; the main window sets it, and sets it again when the VM changes. */
    public ObjectProperty<VmSummary> vmProperty() {
        return vm;
    }

    public SnapshotsViewModel snapshots() {
        return snapshots;
    }

    public HardwareViewModel hardware() {
        return hardware;
    }

    /** The XML tab. */
    public XmlViewModel xml() {
        return xml;
    }

    /** The Processor, Memory and Boot pages. */
    public SettingsViewModel settings() {
        return settings;
    }

    public ReadOnlyObjectProperty<VmDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The outcome of the last edit, or why loading failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** "Start with the host", as libvirt last said. */
    public BooleanProperty autostartProperty() {
        return autostart;
    }

    /** Turns "start with the host" on or off; the box shows libvirt's value again afterwards. */
    public void applyAutostart(boolean on) {
        VmSummary shown = vm.get();
        if (shown == null) {
            return;
        }
        calls.run(() -> service.setAutostart(shown, on))
                .onSuccess(ok -> message.set(messages.get(on ? "details.autostart.on" : "details.autostart.off")))
                .onFailure(message::set)
                .always(this::load)
                .start();
    }

    /** Samples of the last five minutes, oldest first. */
    /** Where the samples taken before a VM was shown come from (the window keeps the last five minutes). */
    public void setSampledHistory(Function<String, List<VmStats>> sampled) {
        this.sampled = sampled;
    }

    public ObservableList<VmStats> history() {
        return history;
    }

    /** Called with each statistics tick's sample of the shown VM. */
    public void addSample(VmStats stats) {
        VmSummary shown = vm.get();
        if (shown == null || !shown.key().equals(stats.key())
                || (!history.isEmpty() && history.get(history.size() - 1).sampledAtMillis() == stats.sampledAtMillis())) {
            return;   // another VM's, or the same sample again (another node's tick)
        }
        history.add(stats);
        long oldest = stats.sampledAtMillis() - HISTORY_MILLIS;
        int drop = 0;
        while (drop < history.size() && history.get(drop).sampledAtMillis() < oldest) {
            drop++;
        }
        if (drop > 0) {
            history.remove(0, drop);
        }
    }

    public void load() {
        VmSummary shown = vm.get();
        if (shown == null) {
            return;
        }
        long generation = ++loadGeneration;
        settings.load();
        xml.load();
        calls.run(() -> service.details(shown)).busy(loading)
                .unlessStale(() -> generation == loadGeneration)   // the user moved on to another VM meanwhile
                .onSuccess(loaded -> {
                    details.set(loaded);
                    hardware.show(loaded.devices());
                    title.set(loaded.title());
                    description.set(loaded.description());
                    autostart.set(loaded.autostart());
                })
                .onFailure(reason -> {
                    details.set(null);
                    message.set(reason);
                })
                .start();
    }

    public void saveOverview() {
        VmSummary shown = vm.get();
        if (shown == null) {
            return;
        }
        calls.run(() -> service.setOverview(shown, title.get(), description.get()))
                .onSuccess(ok -> message.set("saved"))
                .onFailure(message::set)
                .always(this::load)
                .start();
    }

    List<VmStats> historySnapshot() {
        return List.copyOf(history);
    }

    /** VMs defined for customizing before their installation, by UUID; each leaves when it starts or is removed. */
    public void awaitInstallation(PendingInstall pending) {
        pending.setEnded(() -> pendingInstalls.remove(pending.uuid()));
        pendingInstalls.put(pending.uuid(), pending);
        requestedTab.set("hardwareTab");
    }

    public ObservableMap<String, PendingInstall> pendingInstalls() {
        return pendingInstalls;
    }

    /** A tab the window should show next (its id), once; the view clears it. */
    public StringProperty requestedTabProperty() {
        return requestedTab;
    }
}
