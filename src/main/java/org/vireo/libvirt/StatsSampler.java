package org.vireo.libvirt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.vireo.model.VmStats;
import org.vireo.model.VmSummary;

/**
 * Turns counters into rates for one node: keeps the previous sample of each VM and divides
 * the deltas by the time between. Runs on the node's worker only.
 */
final class StatsSampler {

    private record Counters(long nanos, long cpuTimeNs, long read, long written, long received, long sent) {
    }

    /** Guest addresses cost a call per VM: asked every few ticks, remembered in between. */
    private static final int ADDRESS_EVERY = 5;

    private final Map<String, Counters> previous = new HashMap<>();
    private final Map<String, List<String>> addresses = new HashMap<>();
    private boolean bulkUnavailable;
    private long ticks;

    Map<String, VmStats> sample(VireoConnect conn, List<VmSummary> vms) throws LibvirtException {
        Map<String, Map<String, Number>> bulk = Map.of();
        if (!bulkUnavailable) {
            try {
                bulk = BulkStats.read(conn, vms.stream().map(VmSummary::uuid).toList());
            } catch (BulkStats.StatsUnavailableException e) {
                bulkUnavailable = true;   // ask once; per-domain reads from now on
            }
        }
        long now = System.nanoTime();
        boolean askAddresses = ticks++ % ADDRESS_EVERY == 0;
        Map<String, VmStats> result = new HashMap<>();
        Map<String, Counters> seen = new HashMap<>();
        for (VmSummary vm : vms) {
            Map<String, Number> params = bulk.getOrDefault(vm.uuid(), Map.of());
            long cpuTime;
            long memoryKiB;
            if (params.containsKey("cpu.time")) {
                cpuTime = params.get("cpu.time").longValue();
                memoryKiB = first(params, "balloon.rss", "balloon.current", vm.memoryBytes() / 1024);
            } else {
                // Drivers that fill only the state group (the test driver): one info call per VM.
                Domain domain;
                try {
                    domain = conn.domainLookupByUUIDString(vm.uuid());
                } catch (LibvirtException gone) {
                    continue;
                }
                try {
                    DomainInfo info = domain.getInfo();
                    cpuTime = info.cpuTime;
                    memoryKiB = info.memory;
                } finally {
                    domain.free();
                }
            }
            Counters counters = new Counters(now, cpuTime, sum(params, "block", "rd.bytes"), sum(params, "block", "wr.bytes"),
                    sum(params, "net", "rx.bytes"), sum(params, "net", "tx.bytes"));
            seen.put(vm.uuid(), counters);
            Counters before = previous.get(vm.uuid());
            double seconds = before == null ? 0 : (now - before.nanos()) / 1e9;
            double cpu = Double.NaN;
            double read = Double.NaN;
            double written = Double.NaN;
            double received = Double.NaN;
            double sent = Double.NaN;
            if (seconds > 0) {
                // A paused or crashed VM has no CPU figure (the test driver's clock runs on regardless).
                cpu = !vm.state().isRunning() ? Double.NaN : Math.max(0, Math.min(100, (cpuTime - before.cpuTimeNs()) / 1e9 / seconds / Math.max(1, vm.vcpus()) * 100));
                read = rate(counters.read(), before.read(), seconds);
                written = rate(counters.written(), before.written(), seconds);
                received = rate(counters.received(), before.received(), seconds);
                sent = rate(counters.sent(), before.sent(), seconds);
            }
            if (askAddresses || !addresses.containsKey(vm.uuid())) {
                addresses.put(vm.uuid(), GuestAddresses.of(conn, vm.uuid()));
            }
            result.put(vm.key(), new VmStats(vm.key(), System.currentTimeMillis(), cpu, memoryKiB * 1024L,
                    read, written, received, sent, addresses.get(vm.uuid())));
        }
        previous.clear();
        previous.putAll(seen);
        addresses.keySet().retainAll(seen.keySet());
        return result;
    }

    private static double rate(long now, long before, double seconds) {
        return now < 0 || before < 0 || now < before ? Double.NaN : (now - before) / seconds;
    }

    private static long first(Map<String, Number> params, String a, String b, long fallback) {
        Number value = params.containsKey(a) ? params.get(a) : params.get(b);
        return value == null ? fallback : value.longValue();
    }

    /** Adds up "block.0.rd.bytes", "block.1.rd.bytes"…; -1 when the group is absent. */
    private static long sum(Map<String, Number> params, String group, String suffix) {
        Number count = params.get(group + ".count");
        if (count == null) {
            return -1;
        }
        long total = 0;
        for (int i = 0; i < count.intValue(); i++) {
            Number value = params.get(group + "." + i + "." + suffix);
            if (value != null) {
                total += value.longValue();
            }
        }
        return total;
    }
}
