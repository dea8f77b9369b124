package org.vireo.model;

/**
 * A virtual network to create. {@code mode}: nat, route, isolated, open, bridge. For bridge only
 * {@code bridgeName} (an existing host bridge) counts; for the others the IPv4 subnet ({@code subnet}
 * "192.168.150.0/24", {@code gateway} the host's address on it) and, when {@code dhcp}, the range.
 * {@code forwardDevice} (may be empty) is the host interface NAT or routed traffic leaves by;
 * {@code ipv6Prefix} (may be empty, "fd00:150::/64") with {@code ipv6Mode} none, ra or dhcp.
 */
public record NetworkSpec(String name, String mode, String forwardDevice, String bridgeName, String subnet, String gateway,
                          boolean dhcp, String dhcpStart, String dhcpEnd, String ipv6Prefix, String ipv6Mode, String domain,
                          boolean autostart) {
}
