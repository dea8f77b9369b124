package org.vireo.service.device;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vireo.model.DhcpHost;
import org.vireo.model.NetworkSpec;
import org.vireo.model.Texts;
import org.vireo.model.VirtualNetworkInfo;

/**
 * The checks of the New network dialog's fields as they are typed (and of any command that creates a network):
 * the name, the IPv4 subnet in CIDR form (and that it overlaps no other network of the node), the gateway,
 * the DHCP range and an IPv6 prefix. Each returns "" or what is wrong, in words.
 */
public final class NetworkRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})/(\\d{1,2})");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    /** An IPv4 subnet: its network address and prefix length. */
    public record Subnet(long network, int prefix) {

        long size() {
            return 1L << (32 - prefix);
        }

        long broadcast() {
            return network + size() - 1;
        }

        boolean contains(long address) {
            return address >= network && address <= broadcast();
        }

        boolean overlaps(Subnet other) {
            return network <= other.broadcast() && other.network <= broadcast();
        }

        @Override
        public String toString() {
            return address(network) + "/" + prefix;
        }
    }

    /** What is wrong with each field of a new network ("" where nothing is). */
    public record SpecProblems(String name, String forwardDevice, String bridge, String subnet, String gateway, String dhcpRange,
                               String ipv6, String domain) {

        public boolean any() {
            return Stream.of(name, forwardDevice, bridge, subnet, gateway, dhcpRange, ipv6, domain)
                    .anyMatch(p -> !p.isEmpty());
        }
    }

    private NetworkRules() {
    }

    /**
     * Every field of a new network checked as the dialog checks it: {@code taken} are the node's network
     * names, {@code others} its networks' IPv4 subnets by name. A bridged network needs only its name and bridge.
     */
    public static SpecProblems problems(NetworkSpec spec, Collection<String> taken, Map<String, String> others) {
        String name = nameProblem(spec.name(), taken);
        if (spec.mode().equals("bridge")) {
            String bridge = spec.bridgeName().isBlank() ? Texts.get("network.bridge.empty") : deviceProblem(spec.bridgeName());
            return new SpecProblems(name, "", bridge, "", "", "", "", "");
        }
        boolean forwards = spec.mode().equals("nat") || spec.mode().equals("route");
        String device = forwards && !spec.forwardDevice().isBlank() ? deviceProblem(spec.forwardDevice()) : "";
        String subnet = subnetProblem(spec.subnet(), others);
        String gateway = gatewayProblem(spec.gateway(), spec.subnet());
        String range = spec.dhcp() ? dhcpRangeProblem(spec.dhcpStart(), spec.dhcpEnd(), spec.subnet(), spec.gateway()) : "";
        String ipv6 = ipv6Problem(spec.ipv6Prefix(), !spec.ipv6Mode().equals("none"));
        String domain = spec.domain().isBlank() || DOMAIN.matcher(spec.domain().strip()).matches() ? "" : Texts.get("network.domain.form");
        return new SpecProblems(name, device, "", subnet, gateway, range, ipv6, domain);
    }

    /** The addresses a subnet suggests: the host on its first address, DHCP over its upper half. */
    public record Suggestion(String gateway, String dhcpStart, String dhcpEnd) {
    }

    /** What {@code subnetText} suggests, when it is a subnet of 8 to 30 bits. */
    public static Optional<Suggestion> suggestion(String subnetText) {
        return subnet(subnetText).filter(s -> s.prefix() >= 8 && s.prefix() <= 30).map(s -> {
            long network = s.network() & ~(s.size() - 1);
            return new Suggestion(address(network + 1), address(network + Math.max(2, s.size() / 2)), address(network + s.size() - 2));
        });
    }

    /** A host interface's name as Linux allows it: 1 to 15 characters, no slash or space. */
    static String deviceProblem(String device) {
        return DEVICE.matcher(device.strip()).matches() ? "" : Texts.get("network.device.form");
    }

    public static String nameProblem(String name, Collection<String> taken) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return Texts.get("network.name.empty");
        }
        if (!NAME.matcher(n).matches()) {
            return Texts.get("network.name.form");
        }
        return taken.contains(n) ? Texts.get("network.name.taken", n) : "";
    }

    /** The subnet typed ("192.168.150.0/24"), when it is one. */
    public static Optional<Subnet> subnet(String text) {
        Matcher m = CIDR.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Long> address = ipv4(m.group(1));
        int prefix = Integer.parseInt(m.group(2));
        if (address.isEmpty() || prefix > 32) {
            return Optional.empty();
        }
        return Optional.of(new Subnet(address.get(), prefix));
    }

    /**
     * The subnet as typed: a CIDR of 8 to 30 bits whose host part is zero, overlapping none of {@code others}
     * (the node's other networks by name).
     */
    public static String subnetProblem(String text, Map<String, String> others) {
        Optional<Subnet> subnet = subnet(text);
        if (subnet.isEmpty()) {
            return Texts.get("network.subnet.form");
        }
        Subnet s = subnet.get();
        if (s.prefix() < 8 || s.prefix() > 30) {
            return Texts.get("network.subnet.prefix");
        }
        long masked = s.network() & ~(s.size() - 1);
        if (masked != s.network()) {
            return Texts.get("network.subnet.hostBits", text.strip(), address(masked) + "/" + s.prefix());
        }
        for (Map.Entry<String, String> other : others.entrySet()) {
            Optional<Subnet> theirs = subnet(other.getValue());
            if (theirs.isPresent() && theirs.get().overlaps(s)) {
                return Texts.get("network.subnet.overlap", other.getKey(), theirs.get());
            }
        }
        return "";
    }

    /** The gateway (the host's address on the network): inside the subnet, not its network or broadcast address. */
    public static String gatewayProblem(String gateway, String subnetText) {
        Optional<Long> address = ipv4(gateway);
        if (address.isEmpty()) {
            return Texts.get("network.address.form");
        }
        Optional<Subnet> subnet = subnet(subnetText);
        if (subnet.isEmpty()) {
            return "";   // the subnet's own message says what to mend first
        }
        return hostProblem(address.get(), subnet.get());
    }

    /** A DHCP range: both ends inside the subnet and in order, not covering the gateway. */
    public static String dhcpRangeProblem(String start, String end, String subnetText, String gateway) {
        Optional<Long> first = ipv4(start);
        Optional<Long> last = ipv4(end);
        if (first.isEmpty() || last.isEmpty()) {
            return Texts.get("network.address.form");
        }
        Optional<Subnet> subnet = subnet(subnetText);
        if (subnet.isEmpty()) {
            return "";
        }
        String problem = hostProblem(first.get(), subnet.get());
        if (problem.isEmpty()) {
            problem = hostProblem(last.get(), subnet.get());
        }
        if (!problem.isEmpty()) {
            return problem;
        }
        if (first.get() > last.get()) {
            return Texts.get("network.dhcp.order");
        }
        Optional<Long> host = ipv4(gateway);
        if (host.isPresent() && host.get() >= first.get() && host.get() <= last.get()) {
            return Texts.get("network.dhcp.gateway", gateway.strip());
        }
        return "";
    }

    /**
     * An IPv6 prefix ("fd00:1::/64"), empty for none. DHCPv6 and router advertisements (dnsmasq) need a /64;
     * a static one may be 8 to 128 bits.
     */
    public static String ipv6Problem(String text, boolean dhcpOrRa) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "";
        }
        int slash = t.indexOf('/');
        if (slash < 0 || !t.substring(0, slash).matches("[0-9A-Fa-f:]{2,39}") || !t.substring(0, slash).contains(":")
                || !t.substring(slash + 1).matches("\\d{1,3}")) {
            return Texts.get("network.ipv6.form");
        }
        int prefix = Integer.parseInt(t.substring(slash + 1));
        if (dhcpOrRa && prefix != 64) {
            return Texts.get("network.ipv6.64");
        }
        return prefix < 8 || prefix > 128 ? Texts.get("network.ipv6.prefix") : "";
    }

    /** What is wrong with each field of a pinned address ("" where nothing is). */
    public record HostProblems(String mac, String ip, String name) {

        public boolean any() {
            return !(mac.isEmpty() && ip.isEmpty() && name.isEmpty());
        }

        /** The first problem, for a caller with one place to say it. */
        public String first() {
            return !mac.isEmpty() ? mac : !ip.isEmpty() ? ip : name;
        }
    }

    /** As {@link #staticHostProblems}, the first problem only. */
    public static String staticHostProblem(String mac, String ip, String name, VirtualNetworkInfo network) {
        return staticHostProblems(mac, ip, name, network).first();
    }

    /**
     * A pinned address (a static DHCP host entry) for {@code network}: a unicast MAC not pinned already, an
     * address inside one of its IPv4 subnets that is not the host's own nor pinned already (the entry holding
     * either named), and a host name dnsmasq accepts.
     */
    public static HostProblems staticHostProblems(String mac, String ip, String name, VirtualNetworkInfo network) {
        String macProblem = DeviceRules.macProblem(mac, Set.of());
        String m = mac == null ? "" : mac.strip().toLowerCase(Locale.ROOT);
        if (macProblem.isEmpty()) {
            macProblem = network.hosts().stream().filter(h -> h.mac().toLowerCase(Locale.ROOT).equals(m)).findFirst()
                    .map(h -> Texts.get("network.pin.macTaken", h.mac(), h.ip())).orElse("");
        }
        String n = name == null ? "" : name.strip();
        String nameProblem = n.isEmpty() || HOST_NAME.matcher(n).matches() ? "" : Texts.get("network.pin.name");
        return new HostProblems(macProblem, addressProblem(ip, network), nameProblem);
    }

    private static String addressProblem(String ip, VirtualNetworkInfo network) {
        Optional<Long> address = ipv4(ip);
        if (address.isEmpty()) {
            return Texts.get("network.address.form");
        }
        if (network.ipv4().isEmpty()) {
            return Texts.get("network.pin.noSubnet");
        }
        String inside = "";
        for (String own : network.ipv4()) {
            Optional<Subnet> subnet = subnet(networkOf(own));
            if (subnet.isPresent() && subnet.get().contains(address.get())) {
                inside = hostProblem(address.get(), subnet.get());
                if (inside.isEmpty() && ipv4(own.substring(0, own.indexOf('/'))).orElse(-1L).equals(address.get())) {
                    inside = Texts.get("network.pin.gateway", ip.strip());
                }
                if (inside.isEmpty()) {
                    break;
                }
            } else if (inside.isEmpty()) {
                inside = Texts.get("network.pin.outside", ip.strip(), String.join(", ", network.ipv4().stream().map(NetworkRules::networkOf).toList()));
            }
        }
        if (!inside.isEmpty()) {
            return inside;
        }
        return network.hosts().stream().filter(h -> ipv4(h.ip()).equals(address)).findFirst()
                .map(h -> Texts.get("network.pin.ipTaken", h.ip(), h.mac())).orElse("");
    }

    /** "192.168.122.1/24" (an address with its prefix) as its subnet, "192.168.122.0/24". */
    public static String networkOf(String addressWithPrefix) {
        int slash = addressWithPrefix.indexOf('/');
        Optional<Long> address = ipv4(slash < 0 ? addressWithPrefix : addressWithPrefix.substring(0, slash));
        if (address.isEmpty() || slash < 0) {
            return addressWithPrefix;
        }
        int prefix = Integer.parseInt(addressWithPrefix.substring(slash + 1));
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return address(address.get() & mask) + "/" + prefix;
    }

    private static String hostProblem(long address, Subnet subnet) {
        if (!subnet.contains(address)) {
            return Texts.get("network.address.outside", address(address), subnet);
        }
        if (address == subnet.network() || address == subnet.broadcast()) {
            return Texts.get("network.address.reserved", address(address));
        }
        return "";
    }

    /** An IPv4 address as a number, when the text is one. */
    public static Optional<Long> ipv4(String text) {
        String t = text == null ? "" : text.strip();
        if (!IPV4.matcher(t).matches()) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : t.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = value << 8 | octet;
        }
        return Optional.of(value);
    }

    static String address(long value) {
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
    }
}
