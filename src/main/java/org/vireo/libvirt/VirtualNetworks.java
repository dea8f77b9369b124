package org.vireo.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.DhcpHost;
import org.vireo.model.DhcpLease;
import org.vireo.model.NetworkSpec;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VirtualNetworkInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The virtual networks of a node: read from their XML with their users and leases, the XML a new one is
 * defined with (built by DOM), its creation (which leaves nothing behind when the network will not start),
 * and pinned addresses changed through virNetworkUpdate. Runs on the node's worker.
 */
final class VirtualNetworks {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualNetworks.class);

    private VirtualNetworks() {
    }

    static String networkXml(NetworkSpec spec) {
        Document doc = XmlElements.parse("<network/>");
        Element root = doc.getDocumentElement();
        XmlElements.append(doc, root, "name", spec.name());
        String mode = spec.mode();
        if (mode.equals("bridge")) {
            XmlElements.append(doc, root, "forward", null).setAttribute("mode", "bridge");
            XmlElements.append(doc, root, "bridge", null).setAttribute("name", spec.bridgeName());
            return DomainXmlBuilder.serialize(doc);
        }
        if (!mode.equals("isolated")) {
            Element forward = XmlElements.append(doc, root, "forward", null);
            forward.setAttribute("mode", mode);
            if (!spec.forwardDevice().isBlank() && !mode.equals("open")) {
                forward.setAttribute("dev", spec.forwardDevice().strip());
            }
        }
        Element bridge = XmlElements.append(doc, root, "bridge", null);
        bridge.setAttribute("stp", "on");
        bridge.setAttribute("delay", "0");
        if (!spec.domain().isBlank()) {
            XmlElements.append(doc, root, "domain", null).setAttribute("name", spec.domain().strip());
        }
        String prefixLength = spec.subnet().strip().substring(spec.subnet().strip().indexOf('/') + 1);
        Element ip = XmlElements.append(doc, root, "ip", null);
        ip.setAttribute("address", spec.gateway().strip());
        ip.setAttribute("prefix", prefixLength);
        if (spec.dhcp()) {
            Element range = XmlElements.append(doc, XmlElements.append(doc, ip, "dhcp", null), "range", null);
            range.setAttribute("start", spec.dhcpStart().strip());
            range.setAttribute("end", spec.dhcpEnd().strip());
        }
        if (!spec.ipv6Prefix().isBlank()) {
            String prefix = spec.ipv6Prefix().strip();
            String address = prefix.substring(0, prefix.indexOf('/'));
            Element ip6 = XmlElements.append(doc, root, "ip", null);
            ip6.setAttribute("family", "ipv6");
            // The host's own address in the prefix: ::1.
            ip6.setAttribute("address", address.endsWith("::") ? address + "1" : address);
            ip6.setAttribute("prefix", prefix.substring(prefix.indexOf('/') + 1));
            if (spec.ipv6Mode().equals("dhcp")) {
                Element range = XmlElements.append(doc, XmlElements.append(doc, ip6, "dhcp", null), "range", null);
                String base = address.endsWith("::") ? address : address + "::";
                range.setAttribute("start", base + "100");
                range.setAttribute("end", base + "1ff");
            }
        }
        return DomainXmlBuilder.serialize(doc);
    }

    /**
     * Defines the network, starts it and sets its autostart. One that will not start (dnsmasq missing, a bridge
     * name taken) is undefined again and libvirt's reason given: nothing half-made is left.
     */
    static void create(Connect conn, NetworkSpec spec) throws LibvirtException {
        String what = Texts.get("op.network.create", spec.name());
        Network network = conn.networkDefineXML(networkXml(spec));
        try {
            network.create();
            network.setAutostart(spec.autostart());
        } catch (LibvirtException failed) {
            String reason = LibvirtErrors.message(failed);
            try {
                if (network.isActive() == 1) {
                    network.destroy();
                }
                network.undefine();
            } catch (LibvirtException cleanup) {
                LOG.warn("The network {} that failed to start could not be removed again: {}", spec.name(), LibvirtErrors.message(cleanup));
            }
            throw new OperationException(what, Texts.get("network.createFailed", reason));
        } finally {
            network.free();
        }
    }

    /** Stops it where it runs and removes its definition. */
    static void delete(Connect conn, String name) throws LibvirtException {
        Network network = conn.networkLookupByName(name);
        try {
            if (network.isActive() == 1) {
                network.destroy();
            }
            if (network.isPersistent() == 1) {
                network.undefine();
            }
        } finally {
            network.free();
        }
    }

    /** Every network of the node, active and defined, by name. */
    static List<VirtualNetworkInfo> networks(VireoConnect conn) throws LibvirtException {
        List<String> names = new ArrayList<>(List.of(conn.listNetworks()));
        names.addAll(List.of(conn.listDefinedNetworks()));
        VmDevices.NetworkUsers users = VmDevices.networkUsers(conn);
        List<VirtualNetworkInfo> networks = new ArrayList<>();
        for (String name : names) {
            Network network;
            try {
                network = conn.networkLookupByName(name);
            } catch (LibvirtException gone) {
                continue;   // removed between the list and the lookup
            }
            try {
                boolean active = network.isActive() == 1;
                networks.add(info(network.getXMLDesc(0), active, network.getAutostart(), network.isPersistent() == 1,
                        active ? leaseCount(conn, name) : 0, users.of(name), users.runningOf(name)));
            } finally {
                network.free();
            }
        }
        networks.sort(Comparator.comparing(VirtualNetworkInfo::name));
        return networks;
    }

    static VirtualNetworkInfo info(String xml, boolean active, boolean autostart, boolean persistent, int leases,
                                   List<String> usedBy, List<String> running) {
        Element root = XmlElements.parse(xml).getDocumentElement();
        Element forward = XmlElements.child(root, "forward");
        String mode = forward == null ? "isolated" : forward.getAttribute("mode").isEmpty() ? "nat" : forward.getAttribute("mode");
        Element bridge = XmlElements.child(root, "bridge");
        List<String> ipv4 = new ArrayList<>();
        List<String> ipv6 = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        List<DhcpHost> hosts = new ArrayList<>();
        for (Element ip : XmlElements.children(root, "ip")) {
            boolean six = "ipv6".equals(ip.getAttribute("family"));
            String prefix = !ip.getAttribute("prefix").isEmpty() ? ip.getAttribute("prefix")
                    : ip.getAttribute("netmask").isEmpty() ? (six ? "64" : "24") : String.valueOf(prefixOf(ip.getAttribute("netmask")));
            (six ? ipv6 : ipv4).add(ip.getAttribute("address") + "/" + prefix);
            Element dhcp = XmlElements.child(ip, "dhcp");
            if (dhcp == null) {
                continue;
            }
            for (Element range : XmlElements.children(dhcp, "range")) {
                ranges.add(range.getAttribute("start") + " – " + range.getAttribute("end"));
            }
            if (!six) {
                for (Element host : XmlElements.children(dhcp, "host")) {
                    hosts.add(new DhcpHost(host.getAttribute("mac"), host.getAttribute("ip"), host.getAttribute("name")));
                }
            }
        }
        return new VirtualNetworkInfo(XmlElements.childText(root, "name"), XmlElements.childText(root, "uuid"), mode,
                forward == null ? "" : forward.getAttribute("dev"), bridge == null ? "" : bridge.getAttribute("name"),
                ipv4, ipv6, ranges, active, autostart, persistent, leases, usedBy, running, hosts);
    }

    private static int prefixOf(String netmask) {
        int bits = 0;
        for (String octet : netmask.split("\\.")) {
            try {
                bits += Integer.bitCount(Integer.parseInt(octet) & 255);
            } catch (NumberFormatException odd) {
                return 24;
            }
        }
        return bits;
    }

    /** The number of leases, or -1 where the driver does not report them. */
    private static int leaseCount(VireoConnect conn, String name) {
        try {
            return leases(conn, name).size();
        } catch (OperationException unsupported) {
            return -1;
        }
    }

    /** The network's leases, as {@code virsh net-dhcp-leases} lists them. */
    static List<DhcpLease> leases(VireoConnect conn, String name) {
        String what = Texts.get("op.network.leases", name);
        Pointer network = lookup(conn, name, what);
        PointerByReference array = new PointerByReference();
        try {
            int n = LibvirtNative.INSTANCE.virNetworkGetDHCPLeases(network, null, array, 0);
            if (n < 0) {
                throw new OperationException(what, LastError.take());
            }
            List<DhcpLease> leases = new ArrayList<>();
            if (n == 0 || array.getValue() == null) {
                return leases;
            }
            // Every lease and the array are freed even when reading one of them throws.
            Pointer[] each = array.getValue().getPointerArray(0, n);
            try {
                for (Pointer lease : each) {
                    leases.add(lease(lease));
                }
            } finally {
                for (Pointer lease : each) {
                    LibvirtNative.INSTANCE.virNetworkDHCPLeaseFree(lease);
                }
                Native.free(Pointer.nativeValue(array.getValue()));
            }
            leases.sort(Comparator.comparing(DhcpLease::address));
            return leases;
        } finally {
            LibvirtNative.INSTANCE.virNetworkFree(network);
        }
    }

    /**
     * One virNetworkDHCPLease: char *iface; long long expirytime; int type; char *mac, *iaid, *ipaddr;
     * unsigned int prefix; char *hostname, *clientid — laid out as on every 64-bit Linux.
     */
    private static DhcpLease lease(Pointer p) {
        long expiry = p.getLong(8);
        boolean ipv6 = p.getInt(16) == 1;   // VIR_IP_ADDR_TYPE_IPV6
        String mac = text(p, 24);
        String address = text(p, 40) + "/" + p.getInt(48);
        return new DhcpLease(mac, address, text(p, 56), expiry, ipv6, text(p, 64));
    }

    private static String text(Pointer struct, long offset) {
        Pointer s = struct.getPointer(offset);
        return s == null ? "" : s.getString(0);
    }

    private static Pointer lookup(VireoConnect conn, String name, String what) {
        Pointer network = LibvirtNative.INSTANCE.virNetworkLookupByName(conn.nativePointer(), name);
        if (network == null) {
            throw new OperationException(what, LastError.take());
        }
        return network;
    }

    /**
     * Adds or removes a pinned address: live where the network runs, in its definition where it has one
     * (a running persistent network gets both, so the pin holds after a restart too).
     */
    static void updateHost(VireoConnect conn, String name, DhcpHost host, boolean add) throws LibvirtException {
        String what = Texts.get(add ? "op.network.pin" : "op.network.unpin", host.ip(), name);
        Network network = conn.networkLookupByName(name);
        int flags;
        try {
            flags = (network.isActive() == 1 ? LibvirtNative.NETWORK_UPDATE_LIVE : 0)
                    | (network.isPersistent() == 1 ? LibvirtNative.NETWORK_UPDATE_CONFIG : 0);
        } finally {
            network.free();
        }
        Document doc = XmlElements.parse("<host/>");
        Element element = doc.getDocumentElement();
        element.setAttribute("mac", host.mac().strip().toLowerCase(Locale.ROOT));
        if (!host.name().isBlank()) {
            element.setAttribute("name", host.name().strip());
        }
        element.setAttribute("ip", host.ip().strip());
        Pointer handle = lookup(conn, name, what);
        try {
            int result = LibvirtNative.INSTANCE.virNetworkUpdate(handle,
                    add ? LibvirtNative.NETWORK_UPDATE_ADD_LAST : LibvirtNative.NETWORK_UPDATE_DELETE,
                    LibvirtNative.NETWORK_SECTION_IP_DHCP_HOST, -1, DomainXmlBuilder.serialize(doc), flags);
            if (result < 0) {
                throw new OperationException(what, LastError.take());
            }
        } finally {
            LibvirtNative.INSTANCE.virNetworkFree(handle);
        }
    }

    /** Runs {@code call} on the named network. */
    static void onNetwork(Connect conn, String name, NetworkCall call) throws LibvirtException {
        Network network = conn.networkLookupByName(name);
        try {
            call.run(network);
        } finally {
            network.free();
        }
    }

    /** One libvirt call on a network. */
    interface NetworkCall {
        void run(Network network) throws LibvirtException;
    }
}
