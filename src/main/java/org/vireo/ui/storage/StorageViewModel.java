package org.vireo.ui.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.util.Duration;
import org.vireo.model.PoolSpec;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.StorageVolumeInfo;
import org.vireo.service.StorageService;
import org.vireo.service.TransferService;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.jobs.JobsViewModel;

/**
 * The pools of the node in view and the volumes of the chosen pool; each action runs on the node's
 * worker and the lists are read again after it. FX thread only.
 */
public final class StorageViewModel {

    private final StorageService service;
    private final Messages messages;
    private final ServiceCalls calls;
    private final StringProperty nodeId = new SimpleStringProperty();
    private final ObservableList<StoragePoolInfo> pools = FXCollections.observableArrayList();
    private final ObjectProperty<StoragePoolInfo> selectedPool = new SimpleObjectProperty<>();
    private final ObservableList<StorageVolumeInfo> volumes = FXCollections.observableArrayList();
    private final FilteredList<StorageVolumeInfo> shownVolumes = new FilteredList<>(volumes);
    private final ObjectProperty<StorageVolumeInfo> selectedVolume = new SimpleObjectProperty<>();
    private final StringProperty volumeFilter = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long generation;
    private TransferService transfers;
    private JobsViewModel jobs;
    private final Timeline eventRefresh = new Timeline(new KeyFrame(Duration.millis(300), e -> refresh()));

    public StorageViewModel(StorageService service, Messages messages) {
        this(service, messages, null);
    }

    StorageViewModel(StorageService service, Messages messages, Executor fxThread) {
        this.service = service;
        this.messages = messages;
        this.calls = ServiceCalls.on(fxThread);
        // A pool changed on the node (here or by anyone else): read again, once for a burst of events.
        service.watchStorage(changed -> calls.post(() -> {
            if (changed.equals(nodeId.get())) {
                eventRefresh.playFromStart();
            }
        }));
        nodeId.addListener((obs, old, now) -> {
            pools.clear();
            volumes.clear();
            message.set("");
            refresh();
        });
        selectedPool.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.name().equals(now.name())) {
                loadVolumes();
            }
        });
        volumeFilter.addListener((obs, old, now) -> {
            String words = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shownVolumes.setPredicate(words.isEmpty() ? null : v -> v.name().toLowerCase(Locale.ROOT).contains(words)
                    || v.path().toLowerCase(Locale.ROOT).contains(words)
                    || v.usedBy().stream().anyMatch(vm -> vm.toLowerCase(Locale.ROOT).contains(words)));
        });
    }

    /** The node whose storage is shown (null: none); set by the host pane. */
    public StringProperty nodeIdProperty() {
        return nodeId;
    }

    public ObservableList<StoragePoolInfo> pools() {
        return pools;
    }

    public ObjectProperty<StoragePoolInfo> selectedPoolProperty() {
        return selectedPool;
    }

    /** The chosen pool's volumes as the filter leaves them. */
    public ObservableList<StorageVolumeInfo> volumes() {
        return shownVolumes;
    }

    public ObjectProperty<StorageVolumeInfo> selectedVolumeProperty() {
        return selectedVolume;
    }

    public StringProperty volumeFilterProperty() {
        return volumeFilter;
    }

    /** The outcome of the last action, in libvirt's words when it refused. */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding poolActive() {
        return Bindings.createBooleanBinding(() -> selectedPool.get() != null && selectedPool.get().active(), selectedPool);
    }

    /** Reads the pools again (and the chosen pool's volumes), keeping the chosen pool. */
    public void refresh() {
        String node = nodeId.get();
        if (node == null) {
            return;
        }
        long load = ++generation;
        calls.run(() -> service.pools(node))
                .unlessStale(() -> load == generation && node.equals(nodeId.get()))
                .onSuccess(this::showPools)
                .onFailure(message::set)
                .start();
    }

    private void showPools(List<StoragePoolInfo> loaded) {
        String keep = selectedPool.get() == null ? null : selectedPool.get().name();
        pools.setAll(loaded);
        StoragePoolInfo again = loaded.stream().filter(p -> p.name().equals(keep)).findFirst()
                .orElse(loaded.isEmpty() ? null : loaded.get(0));
        boolean same = again != null && selectedPool.get() != null && again.name().equals(selectedPool.get().name());
        selectedPool.set(again);
        if (same) {
            loadVolumes();   // the same pool: its volumes may have changed too
        }
    }

    private void loadVolumes() {
        StoragePoolInfo pool = selectedPool.get();
        String node = nodeId.get();
        if (pool == null || node == null) {
            volumes.clear();
            return;
        }
        calls.run(() -> service.volumes(node, pool.name()))
                .unlessStale(() -> selectedPool.get() != null && selectedPool.get().name().equals(pool.name()))
                .onSuccess(volumes::setAll)
                .onFailure(message::set)
                .start();
    }

    /** Where uploads and downloads go, and the Jobs list that shows them. */
    public void setTransfers(TransferService transfers, JobsViewModel jobs) {
        this.transfers = transfers;
        this.jobs = jobs;
    }

    public boolean canTransfer() {
        return transfers != null;
    }

    /** The chosen file's size, read off the FX thread, to {@code sized}; why it could not be read to {@code failed}. */
    public void sizeOf(Path file, LongConsumer sized, Consumer<String> failed) {
        calls.run(() -> transfers.localFileSize(file)).onSuccess(sized::accept).onFailure(failed).start();
    }

    /** Uploads {@code file} as a new volume of the chosen pool; it shows in the Jobs window, and the list follows when it is done. */
    public void upload(Path file, String volumeName) {
        StoragePoolInfo pool = selectedPool.get();
        String node = nodeId.get();
        if (pool == null || node == null || transfers == null) {
            return;
        }
        jobs.add(transfers.upload(node, pool.name(), file, volumeName), sha -> {
            message.set(messages.get("storage.done.upload", volumeName, pool.name()));
            eventRefresh.playFromStart();   // read once with the pool-refresh event the upload also causes
        });
        refresh();   // the new volume is listed (growing) at once
    }

    /** Copies the volume as {@code newName} in its pool; it shows in the Jobs window, and the list follows when it is done. */
    public void cloneVolume(StorageVolumeInfo volume, String newName) {
        StoragePoolInfo pool = selectedPool.get();
        String node = nodeId.get();
        if (pool == null || node == null || transfers == null) {
            return;
        }
        jobs.add(transfers.cloneVolume(node, pool.name(), volume.name(), newName), done -> {
            message.set(messages.get("storage.done.cloneVolume", volume.name(), newName));
            refresh();
        });
    }

    /** Downloads the chosen volume to {@code file}. */
    public void download(StorageVolumeInfo volume, Path file) {
        String node = nodeId.get();
        if (node != null && transfers != null) {
            jobs.add(transfers.download(node, volume.path(), file), sha -> { });
        }
    }

    /** The XML the dialog's choices make, for its preview. */
    public String poolXml(PoolSpec spec) {
        return service.poolXml(spec);
    }

    /** The names of the node's pools, for the new pool's name check. */
    public List<String> poolNames() {
        return pools.stream().map(StoragePoolInfo::name).toList();
    }

    public void createPool(PoolSpec spec) {
        run(() -> service.createPool(nodeId.get(), spec), messages.get("storage.done.createPool", spec.name().strip()));
    }

    public void startPool() {
        onPool("storage.done.start", pool -> service.startPool(nodeId.get(), pool));
    }

    public void stopPool() {
        onPool("storage.done.stop", pool -> service.stopPool(nodeId.get(), pool));
    }

    public void setPoolAutostart(boolean on) {
        onPool(on ? "storage.done.autostartOn" : "storage.done.autostartOff", pool -> service.setPoolAutostart(nodeId.get(), pool, on));
    }

    public void refreshPool() {
        onPool("storage.done.refresh", pool -> service.refreshPool(nodeId.get(), pool));
    }

    public void deletePool(boolean deleteContents) {
        onPool(deleteContents ? "storage.done.deletePoolContents" : "storage.done.deletePool",
                pool -> service.deletePool(nodeId.get(), pool, deleteContents));
    }

    public void createVolume(String name, String format, long capacityBytes, boolean preallocate, String backingPath) {
        StoragePoolInfo pool = selectedPool.get();
        run(() -> service.createVolume(nodeId.get(), pool.name(), name, format, capacityBytes, preallocate, backingPath),
                messages.get("storage.done.createVolume", name, pool.name()));
    }

    public void deleteVolume(StorageVolumeInfo volume) {
        run(() -> service.deleteVolume(nodeId.get(), volume.pool(), volume.name()), messages.get("storage.done.deleteVolume", volume.name()));
    }

    public void resizeVolume(StorageVolumeInfo volume, long capacityBytes, boolean shrink) {
        run(() -> service.resizeVolume(nodeId.get(), volume.pool(), volume.name(), capacityBytes, shrink),
                messages.get("storage.done.resizeVolume", volume.name()));
    }

    private void onPool(String doneKey, Function<String, CompletableFuture<Void>> call) {
        StoragePoolInfo pool = selectedPool.get();
        if (pool == null) {
            return;
        }
        run(() -> call.apply(pool.name()), messages.get(doneKey, pool.name()));
    }

    private void run(Supplier<CompletableFuture<Void>> call, String done) {
        if (nodeId.get() == null) {
            return;
        }
        message.set("");
        calls.run(call).busy(busy)
                .onSuccess(ok -> message.set(done))
                .onFailure(message::set)
                .always(this::refresh)
                .start();
    }
}
