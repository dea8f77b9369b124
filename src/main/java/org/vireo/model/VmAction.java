package org.vireo.model;

/** What a user can do to a VM, and in which states libvirt allows it. */
public enum VmAction {
    START("start"),
    SHUTDOWN("shutdown"),
    REBOOT("reboot"),
    FORCE_OFF("forceOff"),
    RESET("reset"),
    NMI("nmi"),
    PAUSE("pause"),
    RESUME("resume"),
    SAVE("save"),
    RESTORE("restore"),
    AUTOSTART_ON("autostartOn"),
    AUTOSTART_OFF("autostartOff"),
    DELETE("delete");

    private final String id;

    VmAction(String id) {
        this.id = id;
    }

    /** Stable name for message-bundle keys and preferences. */
    public String id() {
        return id;
    }

    public boolean allowedFor(VmSummary vm) {
        VmState state = vm.state();
        return switch (this) {
            case START -> !state.isActive() && !vm.managedSave();
            case RESTORE -> !state.isActive() && vm.managedSave();
            case SHUTDOWN, REBOOT, PAUSE, RESET, NMI -> state.isRunning();
            case FORCE_OFF -> state.isActive();
            case RESUME -> state == VmState.PAUSED || state == VmState.PM_SUSPENDED;
            case SAVE -> vm.persistent() && (state.isRunning() || state == VmState.PAUSED);
            case AUTOSTART_ON -> vm.persistent() && !vm.autostart();
            case AUTOSTART_OFF -> vm.persistent() && vm.autostart();
            case DELETE -> true;
        };
    }

    /**
     * Actions that lose work or data ask first (each can be switched off in the preferences): a reset
     * is a power cycle, and an NMI makes most kernels panic or dump.
     */
    public boolean asksForConfirmation() {
        return this == FORCE_OFF || this == RESET || this == NMI || this == DELETE;
    }
}
