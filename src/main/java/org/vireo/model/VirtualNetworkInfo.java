package org.vireo.model;

import java.util.List;

/**
 * One virtual network of a node as the Networks tab lists it.
 *
 * @param mode          nat, route, open, isolated, bridge (and libvirt's other forward modes as named there)
 * @param forwardDevice the host interface NAT or routed traffic leaves by, "" for any
 * @param ipv4          the host's own IPv4 addresses on it, "192.168.122.1/24"
 * @param ipv6          the same for IPv6
 * @param dhcpRanges    "192.168.122.2 – 192.168.122.254", one per range (IPv4 and IPv6)
 * @param leases        the active DHCP leases, -1 where the node's driver does not report them
 * @param usedBy        the VMs with an interface on it (running or not), sorted
 * @param runningUsers  those of them that run now
 * @param hosts         the pinned addresses (static DHCP host entries) of its IPv4 ranges
 */
public record VirtualNetworkInfo(String name, String uuid, String mode, String forwardDevice, String bridge, List<String> ipv4,
                                 List<String> ipv6, List<String> dhcpRanges, boolean active, boolean autostart, boolean persistent,
                                 int leases, List<String> usedBy, List<String> runningUsers, List<DhcpHost> hosts) {
}
