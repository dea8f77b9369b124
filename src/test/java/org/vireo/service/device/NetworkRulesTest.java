package org.vireo.service.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vireo.model.DhcpHost;
import org.vireo.model.NetworkSpec;
import org.vireo.model.VirtualNetworkInfo;

/** The New network dialog's checks, each field with the words it shows. */
class NetworkRulesTest {

    private static final Map<String, String> OTHERS = Map.of("default", "192.168.122.0/24", "lab", "10.20.0.0/16");

    @Test
    void namesAreCheckedAndATakenOneIsNamed() {
        assertEquals("", NetworkRules.nameProblem("lab-net_2", List.of("default")));
        assertEquals("Give the network a name.", NetworkRules.nameProblem("  ", List.of()));
        assertEquals("Letters, digits and . _ + - only, starting with a letter or digit (at most 64).",
                NetworkRules.nameProblem("my net", List.of()));
        assertEquals("This node already has a network called default.", NetworkRules.nameProblem("default", List.of("default")));
    }

    @Test
    void aSubnetIsACidrWithoutHostBitsThatOverlapsNoOtherNetwork() {
        assertEquals("", NetworkRules.subnetProblem("192.168.150.0/24", OTHERS));
        assertEquals("An IPv4 subnet in CIDR form, such as 192.168.150.0/24.", NetworkRules.subnetProblem("192.168.150.0", OTHERS));
        assertEquals("An IPv4 subnet in CIDR form, such as 192.168.150.0/24.", NetworkRules.subnetProblem("192.168.300.0/24", OTHERS));
        assertEquals("The prefix length must be 8 to 30 bits.", NetworkRules.subnetProblem("192.168.150.0/31", OTHERS));
        assertEquals("192.168.150.7/24 is not a network address; did you mean 192.168.150.0/24?",
                NetworkRules.subnetProblem("192.168.150.7/24", OTHERS));
        assertEquals("Overlaps the network default (192.168.122.0/24) of this node.", NetworkRules.subnetProblem("192.168.0.0/16", OTHERS));
        assertEquals("Overlaps the network lab (10.20.0.0/16) of this node.", NetworkRules.subnetProblem("10.20.30.0/24", OTHERS));
    }

    @Test
    void theGatewayAndTheDhcpRangeLieInsideAndApart() {
        String subnet = "192.168.150.0/24";
        assertEquals("", NetworkRules.gatewayProblem("192.168.150.1", subnet));
        assertEquals("192.168.151.1 is outside 192.168.150.0/24.", NetworkRules.gatewayProblem("192.168.151.1", subnet));
        assertEquals("192.168.150.255 is the subnet's network or broadcast address.", NetworkRules.gatewayProblem("192.168.150.255", subnet));
        assertEquals("An IPv4 address, such as 192.168.150.1.", NetworkRules.gatewayProblem("gateway", subnet));

        assertEquals("", NetworkRules.dhcpRangeProblem("192.168.150.100", "192.168.150.200", subnet, "192.168.150.1"));
        assertEquals("192.168.160.2 is outside 192.168.150.0/24.",
                NetworkRules.dhcpRangeProblem("192.168.150.100", "192.168.160.2", subnet, "192.168.150.1"));
        assertEquals("The range must start before it ends.",
                NetworkRules.dhcpRangeProblem("192.168.150.200", "192.168.150.100", subnet, "192.168.150.1"));
        assertEquals("The range covers the gateway 192.168.150.1.",
                NetworkRules.dhcpRangeProblem("192.168.150.1", "192.168.150.100", subnet, "192.168.150.1"));
        assertEquals("192.168.150.0 is the subnet's network or broadcast address.",
                NetworkRules.dhcpRangeProblem("192.168.150.0", "192.168.150.100", subnet, "192.168.150.1"));
    }

    @Test
    void anIpv6PrefixIsOptionalAndA64WhereDnsmasqServesIt() {
        assertEquals("", NetworkRules.ipv6Problem("", true));
        assertEquals("", NetworkRules.ipv6Problem("fd00:150::/64", true));
        assertEquals("", NetworkRules.ipv6Problem("fd00:150::/56", false));
        assertEquals("DHCPv6 and router advertisements need a /64 prefix.", NetworkRules.ipv6Problem("fd00:150::/56", true));
        assertEquals("An IPv6 prefix such as fd00:150::/64.", NetworkRules.ipv6Problem("192.168.1.0/24", false));
        assertEquals("The prefix length must be 8 to 128 bits.", NetworkRules.ipv6Problem("fd00::/200", false));
    }

    @Test
    void aPinnedAddressIsInsideTheSubnetNotTheHostsAndNotTakenTwice() {
        VirtualNetworkInfo net = new VirtualNetworkInfo("lab", "", "isolated", "", "virbr5", List.of("10.77.0.1/24"), List.of(),
                List.of(), true, false, true, 0, List.of(), List.of(), List.of(new DhcpHost("52:54:00:00:00:09", "10.77.0.9", "")));
        assertEquals("", NetworkRules.staticHostProblem("52:54:00:00:00:01", "10.77.0.50", "web-1", net));
        assertEquals("10.77.1.5 is outside the network's subnets (10.77.0.0/24).",
                NetworkRules.staticHostProblem("52:54:00:00:00:01", "10.77.1.5", "", net));
        assertEquals("10.77.0.1 is the host's own address on this network.",
                NetworkRules.staticHostProblem("52:54:00:00:00:01", "10.77.0.1", "", net));
        assertEquals("10.77.0.255 is the subnet's network or broadcast address.",
                NetworkRules.staticHostProblem("52:54:00:00:00:01", "10.77.0.255", "", net));
        assertEquals("10.77.0.9 is already pinned to 52:54:00:00:00:09.",
                NetworkRules.staticHostProblem("52:54:00:00:00:01", "10.77.0.9", "", net));
        assertEquals("52:54:00:00:00:09 already has the pinned address 10.77.0.9.",
                NetworkRules.staticHostProblem("52:54:00:00:00:09", "10.77.0.10", "", net));
        assertEquals("A host name is letters, digits, - and . only.",
                NetworkRules.staticHostProblem("52:54:00:00:00:01", "10.77.0.50", "web 1", net));
        assertEquals("An IPv4 address, such as 192.168.150.1.", NetworkRules.staticHostProblem("52:54:00:00:00:01", "10.77.0", "", net));
    }

    @Test
    void aSubnetSuggestsItsAddressesAndABridgedNetworkNeedsOnlyItsBridge() {
        assertEquals(new NetworkRules.Suggestion("10.77.0.1", "10.77.0.128", "10.77.0.254"), NetworkRules.suggestion("10.77.0.0/24").orElseThrow());
        assertEquals(new NetworkRules.Suggestion("10.8.0.1", "10.8.2.0", "10.8.3.254"), NetworkRules.suggestion("10.8.0.0/22").orElseThrow());
        assertEquals(Optional.empty(), NetworkRules.suggestion("10.8.0.0/31"));
        NetworkSpec bridged = new NetworkSpec("host-br", "bridge", "", "br0", "", "", false, "", "", "", "none", "", true);
        assertEquals(false, NetworkRules.problems(bridged, List.of(), OTHERS).any());
        NetworkSpec noBridge = new NetworkSpec("host-br", "bridge", "", " ", "", "", false, "", "", "", "none", "", true);
        assertEquals("Name the host bridge the network joins.", NetworkRules.problems(noBridge, List.of(), OTHERS).bridge());
        NetworkSpec nat = new NetworkSpec("n", "nat", "eth0/1", "", "10.9.0.0/24", "10.9.0.1", true, "10.9.0.128", "10.9.0.254", "",
                "none", "bad..domain", true);
        NetworkRules.SpecProblems problems = NetworkRules.problems(nat, List.of(), OTHERS);
        assertEquals("A host interface name: up to 15 letters, digits and . _ : @ -.", problems.forwardDevice());
        assertEquals("A DNS domain such as lab.example.", problems.domain());
        assertEquals("", problems.subnet() + problems.gateway() + problems.dhcpRange());
    }
}
