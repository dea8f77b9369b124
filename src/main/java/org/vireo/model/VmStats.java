package org.vireo.model;

import java.util.List;

/**
 * Live figures of one running VM from one sampling tick. Rates are per second over the last
 * interval; NaN where the driver does not report that figure or no earlier sample exists yet.
 *
 * @param key         the {@link VmSummary#key()} it belongs to
 * @param cpuPercent  guest CPU time over wall time, as % of all its vCPUs (0–100)
 * @param memoryBytes memory in use as the balloon reports it (or the current allocation)
 * @param addresses   guest IP addresses from DHCP leases, the guest agent or ARP (refreshed every few ticks)
 */
public record VmStats(String key, long sampledAtMillis, double cpuPercent, long memoryBytes, double diskReadBps,
                      double diskWriteBps, double netRxBps, double netTxBps, List<String> addresses) {
    public VmStats {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
