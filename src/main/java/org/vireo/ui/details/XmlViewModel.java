package org.vireo.ui.details;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vireo.model.VmSummary;
import org.vireo.model.VmXml;
import org.vireo.service.VmSettingsService;
import org.vireo.service.device.XmlEditRules;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * The XML tab: the saved definition (editable once Preferences allow it) and, while the VM runs, the live
 * one beside it. An edit is checked as it is typed (well-formed, same UUID and name); Apply defines it with
 * libvirt's validation and a refusal names the line it points to. An edit not applied is kept per VM until
 * it is applied or reverted, and whoever leaves it is asked. FX thread only.
 */
public final class XmlViewModel {

    private final VmSettingsService service;
    private final Messages messages;
    private final ServiceCalls calls;
    private final ObjectProperty<VmSummary> vm = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper live = new ReadOnlyStringWrapper("");
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty editingAllowed = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty messageLine = new SimpleIntegerProperty();
    private final ObjectBinding<Optional<XmlEditRules.Problem>> problem;
    private final BooleanBinding dirty;
    private final BooleanBinding transientVm;
    /** Edits not applied, by VM key: switching to another VM and back finds them again. */
    private final Map<String, String> drafts = new HashMap<>();
    private BooleanSupplier allowed = () -> false;
    private long generation;

    public XmlViewModel(VmSettingsService service, Messages messages) {
        this(service, messages, null);
    }

    XmlViewModel(VmSettingsService service, Messages messages, Executor fxThread) {
        this.service = service;
        this.messages = messages;
        this.calls = ServiceCalls.on(fxThread);
        problem = Bindings.createObjectBinding(() -> saved.get().isEmpty() || text.get().equals(saved.get()) ? Optional.empty()
                : XmlEditRules.problem(text.get(), saved.get()), text, saved);
        dirty = Bindings.createBooleanBinding(() -> !saved.get().isEmpty() && !text.get().equals(saved.get()), text, saved);
        transientVm = Bindings.createBooleanBinding(() -> saved.get().isEmpty() && !live.get().isEmpty(), saved, live);
        vm.addListener((obs, old, now) -> {
            if (old != null && (now == null || !old.key().equals(now.key()))) {
                if (dirty.get()) {
                    drafts.put(old.key(), text.get());
                }
                saved.set("");
                live.set("");
                text.set("");
                message.set("");
            }
        });
    }

    /** Where "Allow editing XML" is read (Preferences); asked again at each load and when the tab is shown. */
    public void setEditingAllowed(BooleanSupplier allowed) {
        this.allowed = allowed;
        editingAllowed.set(allowed.getAsBoolean());
    }

    public void refreshEditingAllowed() {
        editingAllowed.set(allowed.getAsBoolean());
    }

    public ObjectProperty<VmSummary> vmProperty() {
        return vm;
    }

    /** The saved definition as libvirt last gave it. */
    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** The running definition, empty when the VM does not run. */
    public ReadOnlyStringProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The editor's text. */
    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty editingAllowedProperty() {
        return editingAllowed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The outcome of the last Apply: "Applied.", what waits for the next start, or libvirt's refusal. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The line the last refusal points to, from 1; 0 for none. */
    public IntegerProperty messageLineProperty() {
        return messageLine;
    }

    /** What is wrong with the text as typed, with its line, before anything is sent. */
    public ObjectBinding<Optional<XmlEditRules.Problem>> problemProperty() {
        return problem;
    }

    /** The text differs from the saved definition. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** Running without a saved definition: shown, never edited (there is nothing to define). */
    public BooleanBinding transientProperty() {
        return transientVm;
    }

    public BooleanBinding canApply() {
        return dirty.and(editingAllowed).and(busy.not()).and(Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem));
    }

    /** Reads the XML again; an edit not applied stays in the editor. */
    public void load() {
        VmSummary shown = vm.get();
        refreshEditingAllowed();
        if (shown == null) {
            return;
        }
        long loadGeneration = ++generation;
        calls.run(() -> service.xml(shown))
                .unlessStale(() -> loadGeneration == generation && vm.get() != null && vm.get().key().equals(shown.key()))
                .onSuccess(this::show)
                .onFailure(message::set)
                .start();
    }

    private void show(VmXml loaded) {
        boolean keepEdit = dirty.get();
        String draft = drafts.remove(vm.get().key());
        saved.set(loaded.saved());
        live.set(loaded.live());
        if (draft != null && !draft.equals(loaded.saved())) {
            text.set(draft);
            message.set(messages.get("xml.draftKept"));
        } else if (!keepEdit) {
            // A transient VM has no saved definition: its running one is shown, and cannot be edited.
            text.set(loaded.saved().isEmpty() ? loaded.live() : loaded.saved());
        }
    }

    public void revert() {
        text.set(saved.get());
        message.set("");
        messageLine.set(0);
    }

    public void apply() {
        if (!canApply().get()) {
            return;
        }
        VmSummary shown = vm.get();
        String edited = text.get();
        message.set("");
        messageLine.set(0);
        calls.run(() -> service.defineXml(shown, edited)).busy(busy)
                .onSuccess(note -> {
                    message.set(note.isEmpty() ? messages.get("settings.applied") : note);
                    saved.set(edited);   // until libvirt's own text comes back with the reload
                    load();
                })
                .onFailure(reason -> {
                    message.set(reason);   // the editor keeps the text as typed
                    messageLine.set(XmlEditRules.lineFor(reason, edited));
                })
                .start();
    }
}
