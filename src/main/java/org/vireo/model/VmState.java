package org.vireo.model;

/** A domain's run state, as libvirt reports it (virDomainState). */
public enum VmState {
    NO_STATE("nostate", "no state", false),
    RUNNING("running", "running", true),
    BLOCKED("blocked", "idle", true),
    PAUSED("paused", "paused", true),
    SHUTTING_DOWN("shutdown", "in shutdown", true),
    SHUT_OFF("shutoff", "shut off", false),
    CRASHED("crashed", "crashed", true),
    PM_SUSPENDED("pmsuspended", "pmsuspended", true);

    private final String id;
    private final String virshName;
    private final boolean active;

    VmState(String id, String virshName, boolean active) {
        this.id = id;
        this.virshName = virshName;
        this.active = active;
    }

    /** Stable machine name, used in JSON output and message-bundle keys. */
    public String id() {
        return id;
    }

    /** The words `virsh list` uses for this state, so scripts can compare the two. */
    public String virshName() {
        return virshName;
    }

    /** True while the domain has a live QEMU (or driver) process behind it; a crashed one preserved for debugging counts. */
    public boolean isActive() {
        return active;
    }

    /** True while the guest executes: running, or idle (blocked) on a running CPU. */
    public boolean isRunning() {
        return this == RUNNING || this == BLOCKED;
    }

    /** Maps libvirt's virDomainState number; unknown future values read as NO_STATE. */
    public static VmState fromLibvirtCode(int code) {
        return switch (code) {
            case 1 -> RUNNING;
            case 2 -> BLOCKED;
            case 3 -> PAUSED;
            case 4 -> SHUTTING_DOWN;
            case 5 -> SHUT_OFF;
            case 6 -> CRASHED;
            case 7 -> PM_SUSPENDED;
            default -> NO_STATE;
        };
    }
}
