package org.vireo.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * libvirt's domain capabilities: what a node can give a guest of one emulator, architecture, machine and
 * domain type (CPU modes and models, firmware, TPM …). libvirt-java 0.5.4 has no binding for the call.
 */
final class DomainCapabilities {

    private DomainCapabilities() {
    }

    /** The capabilities' root element, or null where the driver has none (the test driver). */
    static Element read(VireoConnect conn, String emulator, String arch, String machine, String virtType) {
        Pointer xml = LibvirtNative.INSTANCE.virConnectGetDomainCapabilities(conn.nativePointer(), emulator, arch, machine, virtType, 0);
        if (xml == null) {
            LastError.take();
            return null;
        }
        try {
            return XmlElements.parse(xml.getString(0)).getDocumentElement();
        } finally {
            Native.free(Pointer.nativeValue(xml));
        }
    }

    /** The values of {@code <enum name='…'>} directly under {@code parent}. */
    static List<String> values(Element parent, String enumName) {
        List<String> values = new ArrayList<>();
        for (Element e : XmlElements.children(parent, "enum")) {
            if (enumName.equals(e.getAttribute("name"))) {
                for (Element value : XmlElements.children(e, "value")) {
                    values.add(value.getTextContent().strip());
                }
            }
        }
        return values;
    }
}
