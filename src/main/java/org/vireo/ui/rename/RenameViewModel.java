package org.vireo.ui.rename;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vireo.model.VmSummary;
import org.vireo.service.VmService;
import org.vireo.service.create.SpecValidator;
import org.vireo.ui.common.ServiceCalls;

/** Renames one shut-off VM: the name as typed, why it cannot be used, and libvirt's answer. FX thread only. */
public final class RenameViewModel {

    private final VmService vms;
    private final VmSummary vm;
    private final ServiceCalls calls;
    private final StringProperty name;
    private final StringBinding nameError;
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding changed;

    /** @param taken the names of the other VMs on its node, as the window last heard them */
    public RenameViewModel(VmService vms, VmSummary vm, Set<String> taken) {
        this(vms, vm, taken, null);
    }

    RenameViewModel(VmService vms, VmSummary vm, Set<String> taken, Executor fxThread) {
        this.vms = vms;
        this.vm = vm;
        this.calls = ServiceCalls.on(fxThread);
        this.name = new SimpleStringProperty(vm.name());
        // The name it has is not an error (nothing typed yet), but renaming to it changes nothing: not offered.
        nameError = Bindings.createStringBinding(() -> unchanged() ? "" : SpecValidator.nameProblem(name.get(), taken), name);
        changed = Bindings.createBooleanBinding(() -> !unchanged(), name);
        name.addListener((obs, old, now) -> refusal.set(""));
    }

    private boolean unchanged() {
        return name.get() != null && name.get().strip().equals(vm.name());
    }

    /** True once the typed name differs from the one the VM has. */
    public BooleanBinding changedProperty() {
        return changed;
    }

    public VmSummary vm() {
        return vm;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Why the typed name cannot be used (the wizard's words), or empty. */
    public StringBinding nameErrorProperty() {
        return nameError;
    }

    /** libvirt's reason when it refused the last try, or empty. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Renames; completes on the FX thread with true when libvirt did, false (and {@link #refusalProperty()}) when not. */
    public CompletableFuture<Boolean> rename() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (!nameError.get().isEmpty() || unchanged()) {
            done.complete(false);
            return done;
        }
        String wanted = name.get().strip();
        calls.run(() -> vms.rename(vm, wanted)).busy(busy)
                .onSuccess(ok -> done.complete(true))
                .onFailure(reason -> {
                    refusal.set(reason);
                    done.complete(false);
                })
                .start();
        return done;
    }
}
