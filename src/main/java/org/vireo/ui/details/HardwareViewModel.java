package org.vireo.ui.details;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.DeviceChoices;
import org.vireo.model.DiskSpec;
import org.vireo.model.DisplaySwitch;
import org.vireo.model.NicSpec;
import org.vireo.model.VmDevice;
import org.vireo.model.VmSummary;
import org.vireo.service.DeviceService;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.network.NewNetworkViewModel;

/**
 * The Hardware tab: the shown VM's devices, the one selected, and the changes made to them. Each change
 * runs on the VM's node worker; its outcome (done, done for the next start only, or libvirt's reason
 * for refusing) is shown by the device, and the details are read again. FX thread only.
 */
public final class HardwareViewModel {

    private final DeviceService service;
    private final ServiceCalls calls;
    private final Messages messages;
    private final Runnable reload;
    private final ObjectProperty<VmSummary> vm = new SimpleObjectProperty<>();
    private final ObservableList<VmDevice> devices = FXCollections.observableArrayList();
    private final ObjectProperty<VmDevice> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private String selectAfterReload;
    private boolean reloading;
    private BooleanSupplier confirmRunningRemove = () -> true;
    private BooleanSupplier confirmVolumeDelete = () -> true;

    private NewNetworkViewModel networkCreation;
    /** A display switch and the definition it saved, kept per VM while "Switch back" is offered for it. */
    private record Switched(DisplaySwitch plan, String after) {
    }

    private final Map<String, Switched> switches = new HashMap<>();
    private final BooleanProperty canSwitchBack = new SimpleBooleanProperty();

    HardwareViewModel(DeviceService service, Messages messages, Executor fxThread, Runnable reload) {
        this.service = service;
        this.messages = messages;
        this.calls = ServiceCalls.on(fxThread);
        this.reload = reload;
        vm.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.key().equals(now.key())) {
                message.set("");
                selected.set(null);
            }
            canSwitchBack.set(now != null && switches.containsKey(now.key()));
        });
        // A device the user picks while a change is on its way stays picked when the list comes back.
        selected.addListener((obs, old, now) -> {
            if (!reloading && now != null) {
                selectAfterReload = null;
            }
        });
    }

    /** The devices of a freshly read definition; the selection follows its device by key. */
    void show(List<VmDevice> now) {
        String keep = selectAfterReload != null ? selectAfterReload
                : selected.get() == null ? null : selected.get().id();
        selectAfterReload = null;
        reloading = true;
        try {
            devices.setAll(now);
            selected.set(keep == null ? null : now.stream().filter(d -> d.id().equals(keep)).findFirst().orElse(null));
        } finally {
            reloading = false;
        }
    }

    /** Where the two confirmations are switched (Preferences); both ask until then. */
    public void setConfirmations(BooleanSupplier runningRemove, BooleanSupplier volumeDelete) {
        this.confirmRunningRemove = runningRemove;
        this.confirmVolumeDelete = volumeDelete;
    }

    /** Whether removing {@code device} (with its volume or not) is asked first. */
    public boolean asksBeforeRemoving(boolean withVolume) {
        VmSummary shown = vm.get();
        return shown != null && shown.state().isActive() && confirmRunningRemove.getAsBoolean()
                || withVolume && confirmVolumeDelete.getAsBoolean();
    }

    public ObjectProperty<VmSummary> vmProperty() {
        return vm;
    }

    public ObservableList<VmDevice> devices() {
        return devices;
    }

    public ObjectProperty<VmDevice> selectedProperty() {
        return selected;
    }

    /** The outcome of the last change, shown by the device it was about. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Reads what the forms choose from (pools, volumes and their users, networks, MACs in use), then opens one. */
    /** Where the NIC dialog's "New network…" makes its network (null: not offered). */
    public void setNetworkCreation(NewNetworkViewModel networkCreation) {
        this.networkCreation = networkCreation;
    }

    public NewNetworkViewModel networkCreation() {
        return networkCreation;
    }

    public void withChoices(Consumer<DeviceChoices> open) {
        VmSummary shown = vm.get();
        if (shown == null) {
            return;
        }
        calls.run(() -> service.deviceChoices(shown)).busy(busy).onSuccess(open).onFailure(message::set).start();
    }

    public void addDisk(DiskSpec disk) {
        change(() -> service.addDisk(vm.get(), disk), "hardware.done.addDisk", deviceKey(disk), disk.target());
    }

    public void editDisk(String target, DiskSpec disk) {
        change(() -> service.editDisk(vm.get(), target, disk), "hardware.done.editDisk", deviceKey(disk), target);
    }

    /** The list's key of the disk or drive {@code disk} makes, to select it once it is read back. */
    private static String deviceKey(DiskSpec disk) {
        return VmDevice.id(disk.device().equals("disk") ? VmDevice.Kind.DISK : VmDevice.Kind.DRIVE, disk.target());
    }

    public void changeMedia(String target, DiskSpec.Source media) {
        change(() -> service.changeMedia(vm.get(), target, media),
                media instanceof DiskSpec.None ? "hardware.done.eject" : "hardware.done.insert", VmDevice.id(VmDevice.Kind.DRIVE, target), target);
    }

    public void addNic(NicSpec nic) {
        change(() -> service.addNic(vm.get(), nic), "hardware.done.addNic", VmDevice.id(VmDevice.Kind.NIC, nic.mac()), nic.mac());
    }

    public void editNic(String mac, NicSpec nic) {
        change(() -> service.editNic(vm.get(), mac, nic), "hardware.done.editNic", VmDevice.id(VmDevice.Kind.NIC, mac), mac);
    }

    public void remove(VmDevice device, boolean deleteVolume) {
        change(() -> service.removeDevice(vm.get(), device, deleteVolume),
                deleteVolume ? "hardware.done.removeWithVolume" : "hardware.done.remove", null, device.title());
    }

    /** Whether "Switch back" is offered: a display switch of this VM with no change made here since. */
    public ReadOnlyBooleanProperty canSwitchBackProperty() {
        return canSwitchBack;
    }

    /**
     * Works out the switch of the VM's SPICE display to VNC on its node, lets {@code confirm} show the changes in words,
     * and saves it when confirmed; the old definition is kept for "Switch back" until the next change.
     */
    public void switchDisplayToVnc(Predicate<DisplaySwitch> confirm) {
        VmSummary shown = vm.get();
        if (shown == null) {
            return;
        }
        message.set("");
        calls.run(() -> service.planDisplaySwitch(shown)).busy(busy)
                .onFailure(reason -> message.set(messages.get("hardware.refused", reason)))
                .onSuccess(plan -> {
                    if (!plan.needed()) {
                        message.set(messages.get("hardware.switchDisplay.nothing"));
                        return;
                    }
                    if (!confirm.test(plan)) {
                        return;
                    }
                    calls.run(() -> service.switchDisplay(shown, plan)).busy(busy)
                            .onSuccess(after -> {
                                switches.put(shown.key(), new Switched(plan, after));
                                canSwitchBack.set(vm.get() != null && vm.get().key().equals(shown.key()));
                                message.set(messages.get("hardware.done.switchDisplay"));
                            })
                            .onFailure(reason -> message.set(messages.get("hardware.refused", reason)))
                            .always(reload)
                            .start();
                })
                .start();
    }

    /** Puts the definition from before the switch back (refused, and no longer offered, when it changed since). */
    public void switchDisplayBack() {
        VmSummary shown = vm.get();
        Switched switched = shown == null ? null : switches.get(shown.key());
        if (switched == null) {
            return;
        }
        message.set("");
        calls.run(() -> service.switchDisplayBack(shown, switched.plan(), switched.after())).busy(busy)
                .onSuccess(saved -> message.set(messages.get("hardware.done.switchBack")))
                .onFailure(reason -> message.set(messages.get("hardware.refused", reason)))
                .always(() -> {
                    forgetSwitch(shown);
                    reload.run();
                })
                .start();
    }

    private void forgetSwitch(VmSummary of) {
        switches.remove(of.key());
        if (vm.get() != null && vm.get().key().equals(of.key())) {
            canSwitchBack.set(false);
        }
    }

    private void change(Supplier<CompletableFuture<String>> call, String doneKey, String selectKey, String what) {
        if (vm.get() == null) {
            return;
        }
        forgetSwitch(vm.get());   // "Switch back" undoes the switch only, never a change made after it
        selectAfterReload = selectKey;
        message.set("");
        calls.run(call).busy(busy)
                .onSuccess(notLive -> message.set(notLive.isEmpty() ? messages.get(doneKey, what)
                        : messages.get(doneKey, what) + " " + notLive))
                .onFailure(reason -> {
                    selectAfterReload = null;
                    message.set(messages.get("hardware.refused", reason));
                })
                .always(reload)
                .start();
    }
}
