#!/usr/bin/python3
"""Runs virt-manager in this process with the probe bench/run uses for Vireo, for a side-by-side run.

Usage: virt-manager-probe.py REPORT EXPECT STALL_SECONDS. The connections come from virt-manager's own
settings (bench/run writes them as a GSettings keyfile), so it starts as a user with saved connections does.
REPORT gets the lines Vireo's BenchProbe writes, in wall-clock milliseconds: "window T" when the manager
window is first mapped, "listed T" when its VM list holds EXPECT VMs, and "stall MS T" whenever a 20 ms
GLib timer on the main loop (the loop that draws virt-manager's window and runs its libvirt calls) comes
later than ever before. The timer stops STALL_SECONDS after "listed", so the idle CPU measured after that
has no probe in it ("probe-off T" marks the moment); the share the timer itself costs is measured before.
"""
import sys
import time

sys.path.insert(0, "/usr/share/virt-manager")

report = open(sys.argv[1], "w", buffering=1)
expect = int(sys.argv[2])
stall_seconds = float(sys.argv[3])
sys.argv = ["virt-manager", "--no-fork"]

from gi.repository import GLib  # noqa: E402

HEARTBEAT_MS = 20
state = {"last": None, "worst": 0, "window": False, "listed_at": None}


def now_ms():
    return int(time.time() * 1000)


def vms_listed(manager):
    model = manager.widget("vm-list").get_model()
    count = 0
    row = model.get_iter_first()
    while row is not None:
        count += model.iter_n_children(row)
        row = model.iter_next(row)
    return count


def tick():
    from virtManager.manager import vmmManager
    t = time.monotonic()
    if state["last"] is not None and state["window"]:
        late = int((t - state["last"]) * 1000) - HEARTBEAT_MS
        if late > state["worst"]:
            state["worst"] = late
            report.write("stall %d %d\n" % (late, now_ms()))
    state["last"] = t
    manager = vmmManager._instance
    if not state["window"] and manager not in (None, True) and manager.topwin.get_mapped():
        state["window"] = True
        report.write("window %d\n" % now_ms())
    if state["window"] and state["listed_at"] is None and vms_listed(manager) >= expect:
        state["listed_at"] = t
        report.write("listed %d\n" % now_ms())
    if state["listed_at"] is not None and t - state["listed_at"] >= stall_seconds:
        report.write("probe-off %d\n" % now_ms())
        return False
    return True


GLib.timeout_add(HEARTBEAT_MS, tick)

from virtManager import virtmanager  # noqa: E402

virtmanager.runcli()
