package org.vireo.model;

/**
 * A network interface to add to a VM, or what to change on one.
 *
 * @param type   "network", "bridge", "direct" (macvtap on a host interface) or "user"
 * @param source the network, bridge or host interface name; empty for "user"
 * @param model  "virtio", "e1000e", "rtl8139"
 * @param mac    unicast, well formed, not used by another VM of the node
 */
public record NicSpec(String type, String source, String model, String mac, boolean linkUp) {
}
