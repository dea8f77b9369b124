package org.vireo.ui.details;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.ByteSize;
import org.vireo.model.VmSettings;
import org.vireo.model.VmSummary;
import org.vireo.service.VmSettingsService;
import org.vireo.service.device.SettingsRules;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * The Processor, Memory and Boot pages of the Hardware tab: the saved settings as fields, each checked as
 * typed with the node's bounds, applied per page. A refusal keeps what was typed and shows libvirt's
 * reason; a change saved for the next start is shown as pending until the VM restarts. FX thread only.
 */
public final class SettingsViewModel {

    /** One device in the boot order: its place is its position in the list, {@code enabled} whether it boots. */
    public static final class BootRow {
        private final VmSettings.BootDevice device;
        private final BooleanProperty enabled;

        BootRow(VmSettings.BootDevice device) {
            this.device = device;
            this.enabled = new SimpleBooleanProperty(device.order() > 0);
        }

        public VmSettings.BootDevice device() {
            return device;
        }

        public BooleanProperty enabledProperty() {
            return enabled;
        }

        @Override
        public String toString() {
            return device.title();
        }
    }

    private final VmSettingsService service;
    private final Messages messages;
    private final ServiceCalls calls;
    private final ObjectProperty<VmSummary> vm = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<VmSettings> settings = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long generation;

    private final StringProperty cpuMode = new SimpleStringProperty("");
    private final StringProperty cpuModel = new SimpleStringProperty("");
    private final StringProperty sockets = new SimpleStringProperty("");
    private final StringProperty cores = new SimpleStringProperty("");
    private final StringProperty threads = new SimpleStringProperty("");
    private final StringProperty vcpus = new SimpleStringProperty("");
    private final StringProperty maxVcpus = new SimpleStringProperty("");
    private final StringProperty cpuMessage = new SimpleStringProperty("");
    private final StringBinding vcpusError;
    private final StringBinding maxVcpusError;
    private final StringBinding maxVcpusWarning;
    private final StringBinding topologyError;
    private final StringBinding modelError;
    private final BooleanBinding cpuChanged;
    private final BooleanBinding cpuValid;

    private final StringProperty memoryCurrent = new SimpleStringProperty("");
    private final StringProperty memoryMaximum = new SimpleStringProperty("");
    private final StringProperty memoryMessage = new SimpleStringProperty("");
    private final StringBinding memoryCurrentError;
    private final StringBinding memoryMaximumError;
    private final BooleanBinding memoryChanged;
    private final BooleanBinding memoryValid;

    private final ObservableList<BootRow> bootRows = FXCollections.observableArrayList(row -> new Observable[] {row.enabledProperty()});
    private final BooleanProperty bootMenu = new SimpleBooleanProperty();
    private final StringProperty menuSeconds = new SimpleStringProperty("");
    private final StringProperty bootMessage = new SimpleStringProperty("");
    private final StringBinding menuSecondsError;
    private final BooleanBinding bootChanged;
    private final StringBinding bootPending;
    private final StringBinding memoryPending;
    private final StringBinding cpuPending;

    public SettingsViewModel(VmSettingsService service, Messages messages) {
        this(service, messages, null);
    }

    SettingsViewModel(VmSettingsService service, Messages messages, Executor fxThread) {
        this.service = service;
        this.messages = messages;
        this.calls = ServiceCalls.on(fxThread);
        vcpusError = check(() -> SettingsRules.currentVcpusProblem(vcpus.get(), maxVcpus.get(), limits()), vcpus, maxVcpus);
        maxVcpusError = check(() -> SettingsRules.vcpusProblem(maxVcpus.get(), limits()), maxVcpus);
        maxVcpusWarning = check(() -> SettingsRules.vcpusWarning(maxVcpus.get(), limits()), maxVcpus);
        topologyError = check(() -> SettingsRules.topologyProblem(sockets.get(), cores.get(), threads.get(), maxVcpus.get()),
                sockets, cores, threads, maxVcpus);
        modelError = check(() -> SettingsRules.modelProblem(cpuMode.get(), cpuModel.get(), limits()), cpuMode, cpuModel);
        cpuChanged = Bindings.createBooleanBinding(() -> saved() != null && !cpuFromFields().equals(saved().cpu()),
                cpuMode, cpuModel, sockets, cores, threads, vcpus, maxVcpus, settings);
        cpuValid = Bindings.createBooleanBinding(() -> vcpusError.get().isEmpty() && maxVcpusError.get().isEmpty()
                && topologyError.get().isEmpty() && modelError.get().isEmpty(), vcpusError, maxVcpusError, topologyError, modelError);

        memoryCurrentError = check(() -> SettingsRules.currentMemoryProblem(memoryCurrent.get(), memoryMaximum.get(), limits()),
                memoryCurrent, memoryMaximum);
        memoryMaximumError = check(() -> SettingsRules.memoryProblem(memoryMaximum.get(), limits()), memoryMaximum);
        memoryChanged = Bindings.createBooleanBinding(() -> saved() != null && memoryValid()
                && !memoryFromFields().equals(saved().memory()), memoryCurrent, memoryMaximum, settings);
        memoryValid = Bindings.createBooleanBinding(this::memoryValid, memoryCurrentError, memoryMaximumError);

        menuSecondsError = check(() -> bootMenu.get() ? SettingsRules.menuTimeoutProblem(menuSeconds.get()) : "", bootMenu, menuSeconds);
        bootChanged = Bindings.createBooleanBinding(() -> saved() != null && menuSecondsError.get().isEmpty()
                && !sameBoot(bootFromFields(), saved().boot()), bootRows, bootMenu, menuSeconds, settings, menuSecondsError);

        cpuPending = Bindings.createStringBinding(() -> {
            VmSettings s = settings.get();
            if (s == null || !s.cpuPending()) {
                return "";
            }
            return messages.get("settings.cpu.pending", cpuWords(s.saved().cpu()), cpuWords(s.live().cpu()));
        }, settings);
        memoryPending = Bindings.createStringBinding(() -> {
            VmSettings s = settings.get();
            if (s == null || !s.memoryPending()) {
                return "";
            }
            return messages.get("settings.memory.pending", memoryWords(s.saved().memory()), memoryWords(s.live().memory()));
        }, settings);
        bootPending = Bindings.createStringBinding(() -> {
            VmSettings s = settings.get();
            return s == null || !s.bootPending() ? "" : messages.get("settings.boot.pending");
        }, settings);
        vm.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.key().equals(now.key())) {
                settings.set(null);   // another VM: its own fields, not the last one's edits
                List.of(cpuMessage, memoryMessage, bootMessage).forEach(m -> m.set(""));
            }
        });
    }

    private StringBinding check(Callable<String> rule, Observable... dependencies) {
        List<Observable> all = new ArrayList<>(List.of(dependencies));
        all.add(settings);
        return Bindings.createStringBinding(() -> settings.get() == null ? "" : rule.call(), all.toArray(Observable[]::new));
    }

    public ObjectProperty<VmSummary> vmProperty() {
        return vm;
    }

    public ReadOnlyObjectProperty<VmSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    private VmSettings.Values saved() {
        return settings.get() == null ? null : settings.get().saved();
    }

    private VmSettings.Limits limits() {
        return settings.get().limits();
    }

    /**
     * Reads the settings again (the details call it whenever they load); a page the user has changed
     * and not applied keeps what was typed.
     */
    public void load() {
        VmSummary shown = vm.get();
        if (shown == null) {
            return;
        }
        long loadGeneration = ++generation;
        calls.run(() -> service.settings(shown))
                .unlessStale(() -> loadGeneration == generation)
                .onSuccess(this::show)
                .onFailure(reason -> cpuMessage.set(reason))
                .start();
    }

    private void show(VmSettings loaded) {
        VmSettings.Values before = saved();
        boolean keepCpu = before != null && !cpuFromFields().equals(before.cpu());
        boolean keepMemory = before != null && !(memoryCurrent.get().equals(MemoryText.format(before.memory().currentBytes()))
                && memoryMaximum.get().equals(MemoryText.format(before.memory().maximumBytes())));
        boolean keepBoot = before != null && !sameBoot(bootFromFields(), before.boot());
        settings.set(loaded);
        if (!keepCpu) {
            revertCpu();
        }
        if (!keepMemory) {
            revertMemory();
        }
        if (!keepBoot) {
            revertBoot();
        }
    }

    // ---- processor

    public StringProperty cpuModeProperty() {
        return cpuMode;
    }

    public StringProperty cpuModelProperty() {
        return cpuModel;
    }

    public StringProperty socketsProperty() {
        return sockets;
    }

    public StringProperty coresProperty() {
        return cores;
    }

    public StringProperty threadsProperty() {
        return threads;
    }

    public StringProperty vcpusProperty() {
        return vcpus;
    }

    public StringProperty maxVcpusProperty() {
        return maxVcpus;
    }

    public StringBinding vcpusErrorProperty() {
        return vcpusError;
    }

    public StringBinding maxVcpusErrorProperty() {
        return maxVcpusError;
    }

    public StringBinding maxVcpusWarningProperty() {
        return maxVcpusWarning;
    }

    public StringBinding topologyErrorProperty() {
        return topologyError;
    }

    public StringBinding modelErrorProperty() {
        return modelError;
    }

    public StringProperty cpuMessageProperty() {
        return cpuMessage;
    }

    /** The fields differ from the saved definition, and may be applied. */
    public BooleanBinding canApplyCpu() {
        return cpuChanged.and(cpuValid).and(busy.not());
    }

    public BooleanBinding cpuChangedProperty() {
        return cpuChanged;
    }

    /** What waits for the next start, in words; empty when the running VM has what is saved. */
    public StringBinding cpuPendingProperty() {
        return cpuPending;
    }

    private String cpuWords(VmSettings.Cpu cpu) {
        String mode = cpu.mode().isEmpty() ? messages.get("settings.cpu.mode.default")
                : cpu.mode().equals("custom") ? cpu.model() : messages.get("settings.cpu.mode." + cpu.mode());
        String topology = cpu.hasTopology() ? ", " + messages.get("settings.cpu.topologyWords", cpu.sockets(), cpu.cores(), cpu.threads()) : "";
        return messages.get("settings.cpu.words", cpu.vcpus(), cpu.maxVcpus(), mode) + topology;
    }

    public void revertCpu() {
        VmSettings.Values s = saved();
        if (s == null) {
            return;
        }
        VmSettings.Cpu cpu = s.cpu();
        cpuMode.set(cpu.mode());
        cpuModel.set(cpu.model());
        sockets.set(cpu.sockets() == 0 ? "" : Integer.toString(cpu.sockets()));
        cores.set(cpu.cores() == 0 ? "" : Integer.toString(cpu.cores()));
        threads.set(cpu.threads() == 0 ? "" : Integer.toString(cpu.threads()));
        vcpus.set(Integer.toString(cpu.vcpus()));
        maxVcpus.set(Integer.toString(cpu.maxVcpus()));
    }

    private VmSettings.Cpu cpuFromFields() {
        int max = SettingsRules.count(maxVcpus.get()).orElse(-1);
        return new VmSettings.Cpu(cpuMode.get(), "custom".equals(cpuMode.get()) ? cpuModel.get().strip() : "",
                SettingsRules.count(sockets.get()).orElse(0), SettingsRules.count(cores.get()).orElse(0),
                SettingsRules.count(threads.get()).orElse(0), SettingsRules.count(vcpus.get()).orElse(-1), max);
    }

    /** Saves the processor fields (and sets the vCPUs live where libvirt can); nothing is sent while a field is wrong. */
    public void applyCpu() {
        if (!canApplyCpu().get()) {
            return;
        }
        VmSummary shown = vm.get();
        VmSettings.Cpu wanted = cpuFromFields();
        cpuMessage.set("");
        calls.run(() -> service.setCpu(shown, wanted)).busy(busy)
                .onSuccess(note -> afterApply(cpuMessage, note))
                .onFailure(cpuMessage::set)   // the fields keep what was typed
                .start();
    }

    // ---- memory

    public StringProperty memoryCurrentProperty() {
        return memoryCurrent;
    }

    public StringProperty memoryMaximumProperty() {
        return memoryMaximum;
    }

    public StringBinding memoryCurrentErrorProperty() {
        return memoryCurrentError;
    }

    public StringBinding memoryMaximumErrorProperty() {
        return memoryMaximumError;
    }

    public StringProperty memoryMessageProperty() {
        return memoryMessage;
    }

    public BooleanBinding canApplyMemory() {
        return memoryChanged.and(memoryValid).and(busy.not());
    }

    public StringBinding memoryPendingProperty() {
        return memoryPending;
    }

    private String memoryWords(VmSettings.Memory memory) {
        return messages.get("settings.memory.words", new ByteSize(memory.currentBytes()).toHuman(),
                new ByteSize(memory.maximumBytes()).toHuman());
    }

    public void revertMemory() {
        VmSettings.Values s = saved();
        if (s != null) {
            memoryCurrent.set(MemoryText.format(s.memory().currentBytes()));
            memoryMaximum.set(MemoryText.format(s.memory().maximumBytes()));
        }
    }

    private boolean memoryValid() {
        return memoryCurrentError.get().isEmpty() && memoryMaximumError.get().isEmpty();
    }

    private VmSettings.Memory memoryFromFields() {
        return new VmSettings.Memory(SettingsRules.memory(memoryCurrent.get()).orElse(-1L), SettingsRules.memory(memoryMaximum.get()).orElse(-1L));
    }

    public void applyMemory() {
        if (!canApplyMemory().get()) {
            return;
        }
        VmSummary shown = vm.get();
        VmSettings.Memory wanted = memoryFromFields();
        memoryMessage.set("");
        calls.run(() -> service.setMemory(shown, wanted)).busy(busy)
                .onSuccess(note -> afterApply(memoryMessage, note))
                .onFailure(memoryMessage::set)
                .start();
    }

    // ---- boot

    /** Every device that can boot, in boot order: those that boot first. */
    public ObservableList<BootRow> bootRows() {
        return bootRows;
    }

    public BooleanProperty bootMenuProperty() {
        return bootMenu;
    }

    public StringProperty menuSecondsProperty() {
        return menuSeconds;
    }

    public StringBinding menuSecondsErrorProperty() {
        return menuSecondsError;
    }

    public StringProperty bootMessageProperty() {
        return bootMessage;
    }

    public BooleanBinding canApplyBoot() {
        return bootChanged.and(busy.not());
    }

    public StringBinding bootPendingProperty() {
        return bootPending;
    }

    /** Moves the row at {@code index} one place up (-1) or down (+1); a device moved up boots. */
    public void move(int index, int by) {
        int to = index + by;
        if (index < 0 || index >= bootRows.size() || to < 0 || to >= bootRows.size()) {
            return;
        }
        BootRow row = bootRows.remove(index);
        bootRows.add(to, row);
    }

    public void revertBoot() {
        VmSettings.Values s = saved();
        if (s == null) {
            return;
        }
        bootRows.setAll(s.boot().devices().stream().map(BootRow::new).toList());
        bootMenu.set(s.boot().menu());
        menuSeconds.set(Integer.toString(Math.round(s.boot().menuTimeoutMillis() / 1000f)));
    }

    private VmSettings.Boot bootFromFields() {
        List<VmSettings.BootDevice> devices = new ArrayList<>();
        int order = 1;
        for (BootRow row : bootRows) {
            VmSettings.BootDevice d = row.device();
            devices.add(new VmSettings.BootDevice(d.id(), d.title(), d.summary(), row.enabledProperty().get() ? order++ : 0));
        }
        int seconds = SettingsRules.count(menuSeconds.get()).orElse(0);
        return new VmSettings.Boot(devices, bootMenu.get(), bootMenu.get() ? seconds * 1000 : 0);
    }

    private static boolean sameBoot(VmSettings.Boot a, VmSettings.Boot b) {
        return order(a).equals(order(b)) && a.menu() == b.menu() && (!a.menu() || a.menuTimeoutMillis() == b.menuTimeoutMillis());
    }

    private static List<String> order(VmSettings.Boot boot) {
        return boot.devices().stream().filter(d -> d.order() > 0).sorted((x, y) -> Integer.compare(x.order(), y.order()))
                .map(VmSettings.BootDevice::id).toList();
    }

    public void applyBoot() {
        if (!canApplyBoot().get()) {
            return;
        }
        VmSummary shown = vm.get();
        VmSettings.Boot wanted = bootFromFields();
        bootMessage.set("");
        calls.run(() -> service.setBoot(shown, wanted)).busy(busy)
                .onSuccess(note -> afterApply(bootMessage, note))
                .onFailure(bootMessage::set)
                .start();
    }

    private void afterApply(StringProperty message, String note) {
        message.set(note.isEmpty() ? messages.get("settings.applied") : note);
        // The fields now match what was sent: read again so they show libvirt's own values.
        settings.set(null);
        load();
    }
}
