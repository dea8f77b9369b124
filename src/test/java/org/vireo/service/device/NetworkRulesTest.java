package org.vireo.service.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
