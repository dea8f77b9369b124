package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.VmState;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;
import org.vireo.testlab.NodeFiles;

/** Our own binding of virDomainListGetStats, and rates from two samples, on libvirt's test driver. */
class StatsSamplerTest {

    @TempDir
    Path dir;

    /** A node of our own: test:///default is shared with whatever else this JVM runs. */
    private String node() {
        return NodeFiles.write(dir.resolve("node.xml"),
                "<domain type='test'><name>test</name><memory>2097152</memory><vcpu>2</vcpu><os><type>hvm</type></os></domain>");
    }

    @Test
    void bulkStatsReadTheStateGroupThroughOurBinding() throws Exception {
        LibvirtRuntime.start();
        VireoConnect conn = new VireoConnect(node());
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
        VireoConnect conn = new VireoConnect(node());
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

            // Paused, the same domain has no CPU figure, though the test driver's clock runs on.
            VmSummary paused = new VmSummary("n", uuid, "test", VmState.PAUSED, 2, 2L << 30);
            Thread.sleep(200);
            assertTrue(Double.isNaN(sampler.sample(conn, List.of(paused)).get(vm.key()).cpuPercent()), "no CPU % while paused");
        } finally {
            conn.close();
        }
    }
}
