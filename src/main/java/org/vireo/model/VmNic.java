package org.vireo.model;

/**
 * One network interface of a domain.
 *
 * @param type   "network", "bridge", "user", "direct"…
 * @param source the network or bridge name, when there is one
 */
public record VmNic(String type, String mac, String source, String model, String target) {
}
