package org.vireo.model;

/**
 * One DHCP lease of a network, as {@code virsh net-dhcp-leases} shows it.
 *
 * @param expiry   seconds since the epoch when the lease ends (0: never)
 * @param address  the leased address with its prefix, "192.168.150.23/24"
 * @param clientId the DHCP client id (IPv4) or DUID (IPv6), may be empty
 */
public record DhcpLease(String mac, String address, String hostname, long expiry, boolean ipv6, String clientId) {
}
