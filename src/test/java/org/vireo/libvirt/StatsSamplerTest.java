package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vireo.model.VmState;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;

/** Our own binding of virDomainListGetStats, and rates from two samples, on libvirt's test driver. */
class StatsSamplerTest {

    @Test
    void bulkStatsReadTheStateGroupThroughOurBinding() throws Exception {
        LibvirtRuntime.start();
        VireoConnect conn = new VireoConnect("test:///default");
        try {
            String uuid = conn.domainLookupByName("test").getUUIDString();
            Map<String, Map<String, Number>> stats = BulkStats.read(conn, List.of(uuid, "00000000-0000-0000-0000-000000000000"));
            assertEquals(1, stats.size(), "an unknown UUID is skipped, the known one read");
            assertEquals(1, stats.get(uuid).get("state.state").intValue(), "running");
        } finally {
            conn.close();
        }
    }

    @Test
    void secondSampleGivesRatesAndMemory() throws Exception {
        LibvirtRuntime.start();
        VireoConnect conn = new VireoConnect("test:///default");
        try {
            String uuid = conn.domainLookupByName("test").getUUIDString();
            VmSummary vm = new VmSummary("n", uuid, "test", VmState.RUNNING, 2, 2L << 30);
            StatsSampler sampler = new StatsSampler();
            VmStats first = sampler.sample(conn, List.of(vm)).get(vm.key());
            assertTrue(Double.isNaN(first.cpuPercent()), "no rate without an earlier sample");
            Thread.sleep(200);
            VmStats second = sampler.sample(conn, List.of(vm)).get(vm.key());
            // The test driver's CPU time follows the wall clock: one vCPU's worth of two.
            assertEquals(50.0, second.cpuPercent(), 5.0);
            assertEquals(2L << 30, second.memoryBytes());
        } finally {
            conn.close();
        }
    }
}
