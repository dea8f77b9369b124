package org.vireo.model;

/**
 * One network interface of a domain.
 *
 * @param type   "network", "bridge", "direct", "user", "hostdev", "vhostuser"…
 * @param source the network, bridge or host interface name, when there is one
 * @param linkUp false when the XML says {@code <link state='down'/>}
 */
public record VmNic(String type, String mac, String source, String model, String target, boolean linkUp) {
}
