package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInterface;
import org.libvirt.LibvirtException;

/**
 * A guest's IP addresses, from each source libvirt has: the DHCP leases of libvirt networks,
 * the guest agent, then the host's ARP table. Sources a driver or guest lacks are skipped.
 */
final class GuestAddresses {

    // virDomainInterfaceAddressesSource
    private static final int[] SOURCES = {0, 1, 2};

    private GuestAddresses() {
    }

    static List<String> of(Connect conn, String uuid) {
        Set<String> found = new LinkedHashSet<>();
        Domain domain;
        try {
            domain = conn.domainLookupByUUIDString(uuid);
        } catch (LibvirtException gone) {
            return List.of();
        }
        try {
            for (int source : SOURCES) {
                try {
                    for (DomainInterface nic : domain.interfaceAddresses(source, 0)) {
                        for (DomainInterface.InterfaceAddress address : nic.addrs) {
                            found.add(address.address.getHostAddress());
                        }
                    }
                } catch (LibvirtException | RuntimeException unavailable) {
                    // No agent in the guest, no lease, or a driver without this source.
                }
            }
        } finally {
            try {
                domain.free();
            } catch (LibvirtException ignored) {
                // nothing to do: the handle is gone either way
            }
        }
        return new ArrayList<>(found);
    }
}
