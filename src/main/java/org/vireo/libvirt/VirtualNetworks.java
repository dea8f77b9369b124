package org.vireo.libvirt;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.NetworkSpec;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The virtual networks of a node: the XML a new one is defined with (built by DOM) and its creation, which
 * leaves nothing behind when the network will not start.
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
}
