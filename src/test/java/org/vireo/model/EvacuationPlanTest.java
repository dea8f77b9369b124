package org.vireo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evacuation plan: biggest first, most free memory left, spread over the destinations; a VM nobody can take stays, with reasons. */
class EvacuationPlanTest {

    private static final long GIB = 1L << 30;

    private static VmSummary vm(String name, long memory) {
        return new VmSummary("a", name + "-uuid", name, VmState.RUNNING, 1, memory);
    }

    private static MigrationCheck can(String node, long free) {
        return new MigrationCheck(node, "node " + node, List.of(), free, List.of(), List.of());
    }

    private static MigrationCheck cannot(String node, String why) {
        return new MigrationCheck(node, "node " + node, List.of(why), 64 * GIB, List.of(), List.of());
    }

    @Test
    void spreadsOverTheDestinationsByFreeMemoryAndLeavesWhatNobodyTakes() {
        VmSummary big = vm("big", 6 * GIB);
        VmSummary mid = vm("mid", 4 * GIB);
        VmSummary small = vm("small", 2 * GIB);
        VmSummary odd = vm("odd", 1 * GIB);
        Map<String, List<MigrationCheck>> checks = Map.of(
                big.key(), List.of(can("b", 10 * GIB), can("c", 8 * GIB)),
                mid.key(), List.of(can("b", 10 * GIB), can("c", 8 * GIB)),
                small.key(), List.of(can("b", 10 * GIB), can("c", 8 * GIB)),
                odd.key(), List.of(cannot("b", "The network \"x\" does not exist on node b."), cannot("c", "The bridge br9 does not exist on node c.")));
        List<EvacuationPlan.Assignment> plan = EvacuationPlan.plan(List.of(small, big, odd, mid), checks,
                (vm, check) -> new MigrationOptions(true, false, "", true, false, 0, false, "qemu+ssh://" + check.nodeId() + "/system"));
        // big → b (10 free), then c has 8 vs b 4: mid → c, then b 4 vs c 4: small → b (first of equals stays)
        assertEquals(List.of("small:b", "big:b", "odd:", "mid:c"), plan.stream().map(a -> a.vm().name() + ":" + a.nodeId()).toList());
        assertEquals("The network \"x\" does not exist on node b. The bridge br9 does not exist on node c.", plan.get(2).reason());
    }

    @Test
    void aDestinationThatWouldBeFullIsNotChosenAndSaysSo() {
        VmSummary one = vm("one", 6 * GIB);
        VmSummary two = vm("two", 6 * GIB);
        Map<String, List<MigrationCheck>> checks = Map.of(one.key(), List.of(can("b", 8 * GIB)), two.key(), List.of(can("b", 8 * GIB)));
        List<EvacuationPlan.Assignment> plan = EvacuationPlan.plan(List.of(one, two), checks,
                (vm, check) -> new MigrationOptions(true, false, "", true, false, 0, false, "qemu+ssh://b/system"));
        assertEquals("b", plan.get(0).nodeId());
        assertEquals("", plan.get(1).nodeId());
        assertEquals("node b has only 2 GiB left after the VMs this plan already sends there.", plan.get(1).reason());
    }
}
