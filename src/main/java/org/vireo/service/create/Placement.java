package org.vireo.service.create;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vireo.model.ByteSize;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.Texts;

/**
 * Where a new VM fits best among several nodes: each node's facts are checked with the same rules the wizard and
 * {@code vireo create} use (the name free there, the network and pool it needs present, the memory and vCPUs it can
 * give), and the nodes that pass are ranked by the memory left free after the VM, then the free space left in the pool
 * its disk goes to, then host CPUs. Shared by the wizard's "Best fit" and {@code vireo create --place best}.
 */
public final class Placement {

    /**
     * One node's place in the ranking.
     *
     * @param memoryLeft memory not committed to running VMs once this one runs too
     * @param poolLeft   free space left in the disk's pool after its new volume; -1 without a new disk
     * @param reason     why it cannot take the VM; empty when it can
     */
    public record Candidate(NodeRef node, long memoryLeft, long poolLeft, int cpus, String reason) {
        public boolean fits() {
            return reason.isEmpty();
        }
    }

    private static final String UNNAMED = "vireo-unnamed-vm";

    private Placement() {
    }

    /**
     * The nodes best first: those that can take the VM (by the rules above), then the others with their first reason. A
     * draft not yet named is ranked under a stand-in name: where it goes does not wait for what it is called.
     */
    public static List<Candidate> rank(Map<NodeRef, NodeFacts> nodes, SpecDraft given, SpecValidator validator) {
        SpecDraft draft = given.name().isBlank() ? given.withName(UNNAMED) : given;
        List<Candidate> all = new ArrayList<>();
        for (Map.Entry<NodeRef, NodeFacts> entry : nodes.entrySet()) {
            NodeFacts facts = entry.getValue();
            String missing = missing(draft, facts);
            if (!missing.isEmpty()) {
                all.add(new Candidate(entry.getKey(), 0, -1, facts.hostCpus(), missing));
                continue;
            }
            SpecValidator.Result result = validator.validate(draft, facts);
            if (!result.ok()) {
                all.add(new Candidate(entry.getKey(), 0, -1, facts.hostCpus(), result.errors().values().iterator().next()));
                continue;
            }
            VmSpec spec = result.spec().orElseThrow();
            long memoryLeft = facts.hostMemoryBytes() - facts.committedMemory() - spec.memoryBytes();
            long poolLeft = -1;
            if (spec.disk() instanceof VmSpec.DiskChoice.NewDisk disk) {
                NodeFacts.Pool pool = facts.pool(disk.pool());
                poolLeft = pool == null ? -1 : pool.availableBytes() - disk.sizeBytes();
            }
            String reason = memoryLeft < 0 ? Texts.get("place.memory", new ByteSize(facts.hostMemoryBytes() - facts.committedMemory()).toHuman())
                    : poolLeft < -1 ? Texts.get("place.pool", disk(spec)) : "";
            all.add(new Candidate(entry.getKey(), memoryLeft, poolLeft, facts.hostCpus(), reason));
        }
        all.sort(Comparator.comparing((Candidate c) -> !c.fits()).thenComparing(Comparator.comparingLong(Candidate::memoryLeft).reversed())
                .thenComparing(Comparator.comparingLong(Candidate::poolLeft).reversed())
                .thenComparing(Comparator.comparingInt(Candidate::cpus).reversed()));
        return all;
    }

    /** The pool or network the VM needs that this node lacks, named; empty when it has both. */
    private static String missing(SpecDraft draft, NodeFacts facts) {
        if (draft.diskKind().equals("new") && !draft.diskPool().isBlank()
                && (facts.pool(draft.diskPool()) == null || !facts.pool(draft.diskPool()).active())) {
            return Texts.get("place.noPool", draft.diskPool());
        }
        if (draft.networkKind().equals("network") && !draft.networkName().isBlank() && !facts.networks().contains(draft.networkName())) {
            return Texts.get("place.noNetwork", draft.networkName());
        }
        return "";
    }

    private static String disk(VmSpec spec) {
        return spec.disk() instanceof VmSpec.DiskChoice.NewDisk disk ? disk.pool() : "";
    }

    /** The ranking in words: the winner and why, then why each other node loses. Empty for no nodes. */
    public static String explain(List<Candidate> ranked) {
        if (ranked.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        Candidate best = ranked.get(0);
        if (!best.fits()) {
            lines.add(Texts.get("place.none"));
        } else {
            lines.add(Texts.get("place.best", best.node().name(), figures(best)));
        }
        for (Candidate other : ranked.subList(best.fits() ? 1 : 0, ranked.size())) {
            lines.add(other.fits() ? Texts.get("place.other", other.node().name(), figures(other))
                    : Texts.get("place.cannot", other.node().name(), other.reason()));
        }
        return String.join("\n", lines);
    }

    private static String figures(Candidate c) {
        String memory = Texts.get("place.memoryLeft", new ByteSize(c.memoryLeft()).toHuman());
        return c.poolLeft() < 0 ? memory : memory + Texts.get("place.poolLeft", new ByteSize(c.poolLeft()).toHuman());
    }
}
