package org.vireo.ui.details;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vireo.model.DeviceChoices;
import org.vireo.model.NicSpec;
import org.vireo.model.VmNic;
import org.vireo.service.device.DeviceRules;

/** What the network interface dialog edits, checked as typed with {@link DeviceRules}. FX thread only. */
public final class NicForm {

    public static final List<String> TYPES = List.of("network", "bridge", "direct", "user");
    public static final List<String> MODELS = List.of("virtio", "e1000e", "rtl8139");

    private final DeviceChoices choices;
    private final VmNic editing;
    private final StringProperty type = new SimpleStringProperty("network");
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("virtio");
    private final StringProperty mac = new SimpleStringProperty("");
    private final BooleanProperty linkUp = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper sourceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper macError = new ReadOnlyStringWrapper("");
    private final Set<String> macsInUse;
    private final List<String> madeHere = new ArrayList<>();
    private final BooleanBinding valid;

    /** @param editing the interface to change; null for a new one */
    public NicForm(DeviceChoices choices, VmNic editing) {
        this.choices = choices;
        this.editing = editing;
        this.macsInUse = new HashSet<>(choices.macsInUse());
        if (editing != null) {
            type.set(TYPES.contains(editing.type()) ? editing.type() : "network");
            source.set(editing.source());
            model.set(editing.model().isEmpty() ? "virtio" : editing.model());
            mac.set(editing.mac());
            linkUp.set(editing.linkUp());
        } else {
            source.set(choices.facts().networks().contains("default") ? "default"
                    : choices.facts().networks().stream().findFirst().orElse(""));
            mac.set(DeviceRules.randomMac(macsInUse, new SecureRandom()));
        }
        type.addListener((obs, old, now) -> {
            if (now.equals("network")) {
                source.set(choices.facts().networks().stream().findFirst().orElse(""));
            } else if (now.equals("bridge")) {
                source.set(choices.bridges().stream().findFirst().orElse(""));
            } else if (now.equals("direct")) {
                source.set(choices.interfaces().stream().findFirst().orElse(""));
            } else {
                source.set("");
            }
        });
        List<Observable> inputs = List.of(type, source, mac);
        inputs.forEach(p -> p.addListener(o -> validate()));
        validate();
        valid = Bindings.createBooleanBinding(() -> sourceError.get().isEmpty() && macError.get().isEmpty(), sourceError, macError);
    }

    private void validate() {
        sourceError.set(DeviceRules.sourceProblem(type.get(), source.get()));
        macError.set(editing != null ? "" : DeviceRules.macProblem(mac.get(), macsInUse));
    }

    /** The names offered for the chosen type: networks, bridges or host interfaces. */
    public List<String> sources() {
        return switch (type.get()) {
            case "network" -> Stream.concat(choices.facts().networks().stream(), madeHere.stream()).toList();
            case "bridge" -> choices.bridges();
            case "direct" -> choices.interfaces();
            default -> List.of();
        };
    }

    /** A network made from this dialog ("New network…"): offered and chosen. */
    public void networkMade(String name) {
        madeHere.add(name);
        type.set("network");
        source.set(name);
    }

    public NicSpec spec() {
        return new NicSpec(type.get(), type.get().equals("user") ? "" : source.get().strip(), model.get(),
                mac.get().strip().toLowerCase(Locale.ROOT), linkUp.get());
    }

    public boolean editingExisting() {
        return editing != null;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty macProperty() {
        return mac;
    }

    public BooleanProperty linkUpProperty() {
        return linkUp;
    }

    public ReadOnlyStringProperty sourceErrorProperty() {
        return sourceError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty macErrorProperty() {
        return macError.getReadOnlyProperty();
    }
}
