package org.vireo.libvirt;

import java.util.HashSet;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A test-driver node as libvirt holds it now, written in the driver's own node-file format so the
 * next connection starts from it: the node's CPU and memory kept from its file, every domain's
 * persistent definition with its run state ({@code test:runstate}), transient flag and snapshots
 * ({@code test:domainsnapshot}, the current one marked), every network, and every pool with its
 * volumes. Built with DOM from what libvirt returns; nothing is concatenated.
 */
final class TestNodeDump {

    static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";
    private static final int LIST_TRANSIENT = 1 << 3;

    private TestNodeDump() {
    }

    /** @param nodeFileXml the node file the connection was opened from, for the node's own facts */
    static String dump(Connect conn, String nodeFileXml) throws LibvirtException {
        Document file = XmlElements.parse(nodeFileXml);
        Document out = XmlElements.parse("<node xmlns:test='" + TEST_NS + "'/>");
        Element node = out.getDocumentElement();
        for (String kept : new String[] {"cpu", "memory"}) {
            Element original = XmlElements.child(file.getDocumentElement(), kept);
            if (original != null) {
                node.appendChild(out.importNode(original, true));
            }
        }
        Set<String> transientUuids = new HashSet<>();
        for (Domain d : conn.listAllDomains(LIST_TRANSIENT)) {
            transientUuids.add(d.getUUIDString());
            d.free();
        }
        for (Domain domain : conn.listAllDomains(0)) {
            try {
                boolean isTransient = transientUuids.contains(domain.getUUIDString());
                Element def = (Element) out.importNode(XmlElements.parse(
                        domain.getXMLDesc(isTransient ? 0 : DomainXmlFlags.INACTIVE)).getDocumentElement(), true);
                def.removeAttribute("id");
                appendTest(out, def, "runstate").setTextContent(Integer.toString(domain.getInfo().state.ordinal()));
                if (isTransient) {
                    appendTest(out, def, "transient");
                }
                if (domain.hasManagedSaveImage() == 1) {
                    appendTest(out, def, "hasmanagedsave").setTextContent("1");
                }
                addSnapshots(out, def, domain);
                node.appendChild(def);
            } finally {
                domain.free();
            }
        }
        for (String[] names : new String[][] {conn.listNetworks(), conn.listDefinedNetworks()}) {
            for (String name : names) {
                Network network = conn.networkLookupByName(name);
                try {
                    node.appendChild(out.importNode(XmlElements.parse(network.getXMLDesc(0)).getDocumentElement(), true));
                } finally {
                    network.free();
                }
            }
        }
        for (String[] names : new String[][] {conn.listStoragePools(), conn.listDefinedStoragePools()}) {
            for (String name : names) {
                StoragePool pool = conn.storagePoolLookupByName(name);
                try {
                    Element def = (Element) out.importNode(XmlElements.parse(pool.getXMLDesc(0)).getDocumentElement(), true);
                    if (pool.isActive() == 1) {
                        for (String volumeName : pool.listVolumes()) {
                            StorageVol volume = pool.storageVolLookupByName(volumeName);
                            try {
                                def.appendChild(out.importNode(XmlElements.parse(volume.getXMLDesc(0)).getDocumentElement(), true));
                            } finally {
                                volume.free();
                            }
                        }
                    }
                    node.appendChild(def);
                } finally {
                    pool.free();
                }
            }
        }
        return DomainXmlBuilder.serialize(out);
    }

    /** Each snapshot's definition moved into a {@code test:domainsnapshot}, as the driver reads it back. */
    private static void addSnapshots(Document out, Element def, Domain domain) throws LibvirtException {
        String current = "";
        if (domain.hasCurrentSnapshot() == 1) {
            DomainSnapshot snapshot = domain.snapshotCurrent();
            try {
                current = XmlElements.childText(XmlElements.parse(snapshot.getXMLDesc()).getDocumentElement(), "name");
            } finally {
                snapshot.free();
            }
        }
        for (String name : domain.snapshotListNames()) {
            DomainSnapshot snapshot = domain.snapshotLookupByName(name);
            try {
                Element source = XmlElements.parse(snapshot.getXMLDesc()).getDocumentElement();
                Element kept = appendTest(out, def, "domainsnapshot");
                for (Node child = source.getFirstChild(); child != null; child = child.getNextSibling()) {
                    kept.appendChild(out.importNode(child, true));
                }
                if (name.equals(current)) {
                    kept.appendChild(out.createElement("active")).setTextContent("1");
                }
            } finally {
                snapshot.free();
            }
        }
    }

    private static Element appendTest(Document out, Element parent, String name) {
        Element e = out.createElementNS(TEST_NS, "test:" + name);
        parent.appendChild(e);
        return e;
    }
}
