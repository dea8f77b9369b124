package org.vireo.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where each VM of a node that is to be emptied goes: the biggest VMs first, each to the destination that can take it
 * (every check passed with the options it would move with) and has the most free memory left after what this plan
 * already sends there, so the VMs spread over the destinations; a VM no destination can take stays, with every
 * destination's first reason.
 */
public final class EvacuationPlan {

    /** One VM's place: {@code nodeId} empty when it stays, and then {@code reason} says why. */
    public record Assignment(VmSummary vm, String nodeId, String reason) {
        public boolean moves() {
            return !nodeId.isEmpty();
        }
    }

    private EvacuationPlan() {
    }

    /**
     * @param checks  each VM's answers (by {@link VmSummary#key()}), one per destination
     * @param options the options a VM would move to a destination with (its storage copied when it has local disks,
     *                the destination's peer URI)
     * @return one assignment per VM, in the order of {@code vms}
     */
    public static List<Assignment> plan(List<VmSummary> vms, Map<String, List<MigrationCheck>> checks,
                                        BiFunction<VmSummary, MigrationCheck, MigrationOptions> options) {
        Map<String, Long> free = new HashMap<>();
        for (List<MigrationCheck> answers : checks.values()) {
            answers.forEach(a -> free.merge(a.nodeId(), a.freeMemory(), Math::min));
        }
        Map<String, Assignment> placed = new LinkedHashMap<>();
        List<VmSummary> biggestFirst = new ArrayList<>(vms);
        biggestFirst.sort(Comparator.comparingLong(VmSummary::memoryBytes).reversed());
        for (VmSummary vm : biggestFirst) {
            MigrationCheck best = null;
            List<String> reasons = new ArrayList<>();
            for (MigrationCheck answer : checks.getOrDefault(vm.key(), List.of())) {
                List<String> problems = answer.problemsWith(options.apply(vm, answer));
                long left = free.getOrDefault(answer.nodeId(), 0L);
                if (problems.isEmpty() && left < vm.memoryBytes()) {
                    problems = List.of(Texts.get("evacuate.full", answer.nodeName(), new ByteSize(left).toHuman()));
                }
                if (!problems.isEmpty()) {
                    reasons.add(problems.get(0));
                } else if (best == null || left > free.getOrDefault(best.nodeId(), 0L)) {
                    best = answer;
                }
            }
            if (best == null) {
                placed.put(vm.key(), new Assignment(vm, "", reasons.isEmpty() ? Texts.get("evacuate.nowhere") : String.join(" ", reasons)));
            } else {
                free.merge(best.nodeId(), -vm.memoryBytes(), Long::sum);
                placed.put(vm.key(), new Assignment(vm, best.nodeId(), ""));
            }
        }
        return vms.stream().map(vm -> placed.get(vm.key())).toList();
    }
}
