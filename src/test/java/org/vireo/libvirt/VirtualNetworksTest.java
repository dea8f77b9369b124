package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.DhcpHost;
import org.vireo.model.NetworkSpec;
import org.vireo.model.OperationException;
import org.vireo.model.VirtualNetworkInfo;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/**
 * Virtual networks made on a private libvirtd (its dnsmasq and bridges are real): the XML libvirt keeps
 * matches each choice, and a network that will not start is not kept. virsh is the oracle.
 */
class VirtualNetworksTest {

    @TempDir
    Path dir;

    @Test
    void isolatedAndNatNetworksAreMadeAsChosenAndOneThatWillNotStartIsNotKept() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(dir.resolve("libvirtd"))) {
            String uri = daemon.systemNode();
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                VirtualNetworks.create(conn, new NetworkSpec("vireo-iso", "isolated", "", "", "10.231.7.0/24", "10.231.7.1",
                        true, "10.231.7.100", "10.231.7.199", "fd00:231:7::/64", "dhcp", "lab.test", true));
                String xml = String.join("\n", Virsh.run(uri, "net-dumpxml", "vireo-iso"));
                assertTrue(!xml.contains("<forward"), "isolated: no forward\n" + xml);
                assertTrue(xml.contains("<ip address='10.231.7.1' prefix='24'>") && xml.contains("<range start='10.231.7.100' end='10.231.7.199'")
                        && xml.contains("<domain name='lab.test'/>") && xml.contains("family='ipv6' address='fd00:231:7::1' prefix='64'"), xml);
                assertTrue(netLine(uri, "vireo-iso").matches("vireo-iso\\s+active\\s+yes\\s+yes"), netLine(uri, "vireo-iso"));

                VirtualNetworks.create(conn, new NetworkSpec("vireo-nat", "nat", "", "", "10.231.8.0/24", "10.231.8.1",
                        false, "", "", "", "none", "", false));
                String nat = String.join("\n", Virsh.run(uri, "net-dumpxml", "vireo-nat"));
                assertTrue(nat.contains("<forward mode='nat'") && !nat.contains("<dhcp>"), nat);
                assertTrue(netLine(uri, "vireo-nat").matches("vireo-nat\\s+active\\s+no\\s+yes"), netLine(uri, "vireo-nat"));

                // The same subnet again (Vireo's own check would have said so where it was typed): libvirt refuses to
                // start it, and it is undefined again.
                OperationException refused = assertThrows(OperationException.class, () -> VirtualNetworks.create(conn,
                        new NetworkSpec("vireo-twin", "isolated", "", "", "10.231.7.0/24", "10.231.7.1", false, "", "", "", "none", "", false)));
                assertTrue(refused.detail().startsWith("Nothing was kept"), refused.detail());
                assertEquals("", netLine(uri, "vireo-twin"));

                // Routed through a named host interface, and open (libvirt adds no firewall rules for it).
                VirtualNetworks.create(conn, new NetworkSpec("vireo-route", "route", "lo", "", "10.231.9.0/24", "10.231.9.1",
                        true, "10.231.9.128", "10.231.9.254", "", "none", "", false));
                String route = String.join("\n", Virsh.run(uri, "net-dumpxml", "vireo-route"));
                assertTrue(route.contains("<forward dev='lo' mode='route'>"), route);
                VirtualNetworks.create(conn, new NetworkSpec("vireo-open", "open", "", "", "10.231.10.0/24", "10.231.10.1",
                        false, "", "", "", "none", "", false));
                String open = String.join("\n", Virsh.run(uri, "net-dumpxml", "vireo-open"));
                assertTrue(open.contains("<forward mode='open'/>") && open.contains("<ip address='10.231.10.1' prefix='24'"), open);
                // As the Networks tab reads them: mode, forward device, addresses, range; no leases yet from the real dnsmasq.
                VirtualNetworkInfo routed = VirtualNetworks.networks(conn).stream().filter(n -> n.name().equals("vireo-route"))
                        .findFirst().orElseThrow();
                assertEquals(List.of("route", "lo", List.of("10.231.9.1/24"), List.of("10.231.9.128 \u2013 10.231.9.254"), 0),
                        List.of(routed.mode(), routed.forwardDevice(), routed.ipv4(), routed.dhcpRanges(), routed.leases()));
                // A pinned address, live and kept; removed again.
                VirtualNetworks.updateHost(conn, "vireo-route", new DhcpHost("52:54:00:31:00:01", "10.231.9.40", "pinned"), true);
                assertTrue(String.join("\n", Virsh.run(uri, "net-dumpxml", "--inactive", "vireo-route"))
                        .contains("<host mac='52:54:00:31:00:01' name='pinned' ip='10.231.9.40'/>"), "kept in the definition");
                assertTrue(String.join("\n", Virsh.run(uri, "net-dumpxml", "vireo-route")).contains("ip='10.231.9.40'"), "live");
                VirtualNetworks.updateHost(conn, "vireo-route", new DhcpHost("52:54:00:31:00:01", "10.231.9.40", "pinned"), false);
                assertTrue(!String.join("\n", Virsh.run(uri, "net-dumpxml", "--inactive", "vireo-route")).contains("<host "), "unpinned");

                VirtualNetworks.delete(conn, "vireo-nat");
                assertEquals("", netLine(uri, "vireo-nat"));
            } finally {
                // Its bridges and dnsmasq live in the machine's network namespace: never leave them behind.
                for (String name : List.of("vireo-iso", "vireo-nat", "vireo-twin", "vireo-route", "vireo-open")) {
                    try {
                        VirtualNetworks.delete(conn, name);
                    } catch (Exception gone) {
                        // not there
                    }
                }
                conn.close();
            }
        }
    }

    private static String netLine(String uri, String name) throws Exception {
        return Virsh.run(uri, "net-list", "--all").stream().map(String::strip).filter(l -> l.startsWith(name + " "))
                .findFirst().orElse("");
    }
}
