package org.vireo.libvirt;

import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.vireo.model.VmXml;
import org.vireo.service.device.XmlEditRules;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML tab's reads and saves. The saved definition is read with its secrets (VIR_DOMAIN_XML_SECURE) so
 * that saving it back keeps graphics passwords; an edit is checked (well-formed, same UUID and name) before
 * anything is sent, Vireo's tags are put back if the edit dropped them, and it is defined with libvirt's
 * validation: refused, the domain stays exactly as it was.
 */
final class VmXmlEditor {

    private VmXmlEditor() {
    }

    static VmXml read(VireoConnect conn, VmSummary vm) throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            boolean persistent = domain.isPersistent() == 1;
            boolean active = domain.isActive() == 1;
            return new VmXml(persistent ? domain.getXMLDesc(DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE) : "",
                    active ? domain.getXMLDesc(DomainXmlFlags.SECURE) : "");
        } finally {
            domain.free();
        }
    }

    /** Defines the edited XML; returns what the user should know ("" when it is in effect, or "applies at next start"). */
    static String define(VireoConnect conn, VmSummary vm, String edited) throws LibvirtException {
        String what = Texts.get("op.xml.define", vm.name());
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            if (domain.isPersistent() != 1) {
                throw new OperationException(what, Texts.get("settings.transient"));
            }
            String saved = domain.getXMLDesc(DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE);
            XmlEditRules.problem(edited, saved).ifPresent(p -> {
                throw new OperationException(what, p.message());
            });
            DomainDefinition.define(conn, withTags(edited, saved), what).free();
            return domain.isActive() == 1 ? Texts.get("settings.nextStart") : "";
        } finally {
            domain.free();
        }
    }

    /** The edit as typed, or with Vireo's tags element copied back from the saved definition when the edit dropped it. */
    private static String withTags(String edited, String saved) {
        Element before = tags(XmlElements.parse(saved));
        Document after = XmlElements.parse(edited);
        if (before == null || tags(after) != null) {
            return edited;
        }
        Element root = after.getDocumentElement();
        Element metadata = XmlElements.child(root, "metadata");
        if (metadata == null) {
            metadata = after.createElement("metadata");
            root.appendChild(metadata);
        }
        metadata.appendChild(after.importNode(before, true));
        return DomainXmlBuilder.serialize(after);
    }

    private static Element tags(Document doc) {
        Element metadata = XmlElements.child(doc.getDocumentElement(), "metadata");
        if (metadata == null) {
            return null;
        }
        for (Node n = metadata.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && VireoTags.NAMESPACE.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }
}
