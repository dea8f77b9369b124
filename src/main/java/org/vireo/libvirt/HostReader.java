package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.NodeInfo;
import org.vireo.model.HostDetails;
import org.vireo.model.NodeFacts;
import org.vireo.model.Texts;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads a node's host details; runs on its worker. */
final class HostReader {

    private static final int LIST_ACTIVE = 1;

    private HostReader() {
    }

    static HostDetails read(VireoConnect conn) throws LibvirtException {
        NodeInfo info = conn.nodeInfo();
        // Only the pools' figures are shown here: no per-domain disk users (one XML read per domain).
        NodeFacts facts = NodeFactsReader.read(conn, Map.of());
        int running = conn.listAllDomains(LIST_ACTIVE).length;
        List<HostDetails.PoolInfo> pools = new ArrayList<>();
        for (NodeFacts.Pool pool : facts.pools()) {
            pools.add(new HostDetails.PoolInfo(pool.name(), pool.active(), pool.capacityBytes(), pool.availableBytes()));
        }
        List<HostDetails.NetworkInfo> networks = new ArrayList<>();
        for (String name : conn.listNetworks()) {
            networks.add(network(conn, name, true));
        }
        for (String name : conn.listDefinedNetworks()) {
            networks.add(network(conn, name, false));
        }
        String hypervisorVersion;
        try {
            hypervisorVersion = HostDetails.version(conn.getVersion());
        } catch (LibvirtException e) {
            hypervisorVersion = "";
        }
        return new HostDetails(conn.getHostName(), conn.getType(), hypervisorVersion, HostDetails.version(conn.getLibVersion()),
                info.model, info.cpus, info.mhz, info.memory * 1024L, running, facts.vmNames().size(), pools, networks);
    }

    private static HostDetails.NetworkInfo network(Connect conn, String name, boolean active) throws LibvirtException {
        Network network = conn.networkLookupByName(name);
        try {
            List<String> addresses = new ArrayList<>();
            try {
                Element root = XmlElements.parse(network.getXMLDesc(0)).getDocumentElement();
                NodeList ips = root.getElementsByTagName("ip");
                for (int i = 0; i < ips.getLength(); i++) {
                    Element ip = (Element) ips.item(i);
                    String prefix = !ip.getAttribute("prefix").isEmpty() ? "/" + ip.getAttribute("prefix")
                            : !ip.getAttribute("netmask").isEmpty() ? " netmask " + ip.getAttribute("netmask") : "";
                    addresses.add(ip.getAttribute("address") + prefix);
                }
            } catch (Exception e) {
                addresses.add(Texts.get("host.network.unreadable"));
            }
            return new HostDetails.NetworkInfo(name, active, addresses);
        } finally {
            network.free();
        }
    }
}
