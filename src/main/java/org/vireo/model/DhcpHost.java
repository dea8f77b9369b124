package org.vireo.model;

/** A pinned address of a network: the interface with {@code mac} always gets {@code ip}; {@code name} may be empty. */
public record DhcpHost(String mac, String ip, String name) {
}
