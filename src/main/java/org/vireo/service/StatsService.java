package org.vireo.service;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;

/**
 * Live statistics, sampled only for the VMs someone looks at: one bulk call per node per
 * interval. Results go to the sink on a node worker, one map per node per tick.
 */
public interface StatsService {

    /** Replaces the set of VMs to sample; inactive ones are skipped. */
    void watchStats(Collection<VmSummary> vms);

    void setStatsSink(Consumer<Map<String, VmStats>> sink);

    /** Sampling interval; takes effect at the next tick. */
    void setStatsInterval(int seconds);
}
