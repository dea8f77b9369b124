package org.vireo.ui.details;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.model.DeviceChoices;
import org.vireo.model.DiskSpec;
import org.vireo.model.NodeFacts;
import org.vireo.model.Texts;
import org.vireo.model.VmDisk;
import org.vireo.service.device.DeviceRules;

/**
 * What the disk dialog edits: a new disk or drive (its source, bus, cache and flags) or the settings
 * of an existing one; checked as typed with {@link DeviceRules}. FX thread only.
 */
public final class DiskForm {

    /** Where the data of a disk comes from. */
    public enum SourceKind { NEW_VOLUME, EXISTING_VOLUME, PATH, NONE }

    public static final List<String> BUSES = List.of("virtio", "sata", "scsi", "usb");
    public static final List<String> DRIVE_BUSES = List.of("sata", "scsi", "usb", "ide");
    public static final List<String> CACHES = List.of("", "none", "writeback", "writethrough", "directsync", "unsafe");
    public static final List<String> FORMATS = List.of("qcow2", "raw");

    private final DeviceChoices choices;
    private final String device;
    private final VmDisk editing;
    private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>();
    private final StringProperty pool = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty size = new SimpleStringProperty("10 GiB");
    private final StringProperty format = new SimpleStringProperty("qcow2");
    private final ObjectProperty<VolumeChoice> volume = new SimpleObjectProperty<>();
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty bus = new SimpleStringProperty();
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty cache = new SimpleStringProperty("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final BooleanProperty shareable = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sizeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper volumeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pathError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper("");
    private final ObservableList<VolumeChoice> volumes = FXCollections.observableArrayList();
    private final Set<String> ownTargets;
    private final BooleanBinding valid;

    /** A volume of the node, with the other VMs that use it. */
    public record VolumeChoice(String pool, NodeFacts.Volume volume, List<String> usedBy) {
    }

    /**
     * @param device  "disk" or "cdrom"
     * @param editing the disk whose settings change; null for a new one
     */
    public DiskForm(DeviceChoices choices, String vmName, String device, VmDisk editing) {
        this.choices = choices;
        this.device = device;
        this.editing = editing;
        this.ownTargets = new HashSet<>(choices.targetsUsed());
        for (NodeFacts.Pool p : choices.facts().pools()) {
            for (NodeFacts.Volume v : p.volumes()) {
                volumes.add(new VolumeChoice(p.name(), v, choices.usersOf(v.path())));
            }
        }
        String firstPool = choices.facts().pools().stream().filter(NodeFacts.Pool::active).map(NodeFacts.Pool::name)
                .findFirst().orElse("");
        pool.set(firstPool);
        if (editing != null) {
            ownTargets.remove(editing.target());
            bus.set(editing.bus());
            target.set(editing.target());
            cache.set(editing.cache());
            readOnly.set(editing.readOnly());
            shareable.set(editing.shareable());
            sourceKind.set(SourceKind.NONE);
        } else if (device.equals("cdrom")) {
            bus.set("sata");
            readOnly.set(true);
            sourceKind.set(SourceKind.NONE);
        } else {
            bus.set("virtio");
            sourceKind.set(choices.facts().pools().isEmpty() ? SourceKind.PATH : SourceKind.NEW_VOLUME);
        }
        if (target.get().isEmpty()) {
            target.set(DeviceRules.nextTarget(bus.get(), ownTargets));
        }
        name.set(suggestedName(vmName));
        // A new bus gets the first free name of its own; a name the user typed stays only while it fits the bus.
        bus.addListener((obs, old, now) -> target.set(DeviceRules.nextTarget(now, ownTargets)));
        List<Observable> inputs = List.of(sourceKind, pool, name, size, format, volume, path, target);
        inputs.forEach(p -> p.addListener(o -> validate()));
        validate();
        valid = Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && sizeError.get().isEmpty()
                        && volumeError.get().isEmpty() && pathError.get().isEmpty() && targetError.get().isEmpty(),
                nameError, sizeError, volumeError, pathError, targetError);
    }

    private String suggestedName(String vmName) {
        NodeFacts.Pool p = pool();
        for (int i = 1; i < 1000; i++) {
            String candidate = vmName + "-" + target.get() + (i == 1 ? "" : "-" + i) + "." + format.get();
            if (p == null || p.volumes().stream().noneMatch(v -> v.name().equals(candidate))) {
                return candidate;
            }
        }
        return vmName + ".qcow2";
    }

    private NodeFacts.Pool pool() {
        return choices.facts().pools().stream().filter(p -> p.name().equals(pool.get())).findFirst().orElse(null);
    }

    private void validate() {
        SourceKind kind = editing != null ? SourceKind.NONE : sourceKind.get();
        nameError.set(kind == SourceKind.NEW_VOLUME ? DeviceRules.volumeNameProblem(name.get(), pool()) : "");
        sizeError.set(kind == SourceKind.NEW_VOLUME ? DeviceRules.sizeProblem(size.get(), pool(), format.get()) : "");
        volumeError.set(kind == SourceKind.EXISTING_VOLUME && volume.get() == null ? Texts.get("device.form.volume") : "");
        pathError.set(kind == SourceKind.PATH ? DeviceRules.pathProblem(path.get()) : "");
        targetError.set(DeviceRules.targetProblem(target.get(), ownTargets));
    }

    public DiskSpec spec() {
        DiskSpec.Source source = switch (editing != null ? SourceKind.NONE : sourceKind.get()) {
            case NEW_VOLUME -> new DiskSpec.NewVolume(pool.get(), name.get().strip(), DeviceRules.size(size.get()).orElseThrow(), format.get());
            case EXISTING_VOLUME -> new DiskSpec.ExistingVolume(volume.get().pool(), volume.get().volume().name(),
                    volume.get().volume().path(), device.equals("cdrom") ? "raw" : "");
            case PATH -> new DiskSpec.NodePath(path.get().strip());
            case NONE -> new DiskSpec.None();
        };
        return new DiskSpec(editing != null ? editing.device() : device, source, bus.get(), target.get(), cache.get(),
                readOnly.get(), shareable.get());
    }

    public boolean editingExisting() {
        return editing != null;
    }

    public String device() {
        return device;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ObservableList<VolumeChoice> volumes() {
        return volumes;
    }

    public List<String> pools() {
        return choices.facts().pools().stream().filter(NodeFacts.Pool::active).map(NodeFacts.Pool::name).toList();
    }

    public ObjectProperty<SourceKind> sourceKindProperty() {
        return sourceKind;
    }

    public StringProperty poolProperty() {
        return pool;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public StringProperty formatProperty() {
        return format;
    }

    public ObjectProperty<VolumeChoice> volumeProperty() {
        return volume;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty busProperty() {
        return bus;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty cacheProperty() {
        return cache;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public BooleanProperty shareableProperty() {
        return shareable;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeErrorProperty() {
        return sizeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty volumeErrorProperty() {
        return volumeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pathErrorProperty() {
        return pathError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetErrorProperty() {
        return targetError.getReadOnlyProperty();
    }
}
