package org.vireo.libvirt;

import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A volume's capacity from its XML. libvirt-java's {@code StorageVol.getInfo()} maps the volume
 * type to an enum that lacks newer types (ploop, netdir) and fails on them; the XML always works.
 */
final class VolumeXml {

    private VolumeXml() {
    }

    /**
     * The definition of a copy of a volume (its XML in {@code sourceXml}) called {@code name}: the same capacity and
     * format, for {@code storageVolCreateXMLFrom}. Everything else (path, key, allocation) is libvirt's to choose.
     */
    static Document copyOf(String sourceXml, String name) {
        Element root = XmlElements.parse(sourceXml).getDocumentElement();
        Document out = XmlElements.parse("<volume/>");
        Element volume = out.getDocumentElement();
        XmlElements.append(out, volume, "name", name);
        Element capacity = XmlElements.child(root, "capacity");
        String unit = capacity.getAttribute("unit");
        XmlElements.append(out, volume, "capacity", capacity.getTextContent().strip()).setAttribute("unit", unit.isEmpty() ? "bytes" : unit);
        Element target = XmlElements.child(root, "target");
        Element format = XmlElements.child(target == null ? root : target, "format");
        if (format != null) {
            XmlElements.append(out, XmlElements.append(out, volume, "target", null), "format", null).setAttribute("type", format.getAttribute("type"));
        }
        return out;
    }

    /** The volume's format as libvirt names it (raw, qcow2, iso …), empty when the XML does not say. */
    static String format(String volumeXml) {
        try {
            Element target = XmlElements.child(XmlElements.parse(volumeXml).getDocumentElement(), "target");
            Element format = target == null ? null : XmlElements.child(target, "format");
            return format == null ? "" : format.getAttribute("type");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Capacity in bytes, or -1 when the XML does not say. */
    static long capacity(StorageVol vol) throws LibvirtException {
        return capacity(vol.getXMLDesc(0));
    }

    /** Capacity in bytes from the volume's XML, or -1 when it does not say. */
    static long capacity(String volumeXml) {
        try {
            Element root = XmlElements.parse(volumeXml).getDocumentElement();
            NodeList capacity = root.getElementsByTagName("capacity");
            if (capacity.getLength() == 0) {
                return -1;
            }
            Element element = (Element) capacity.item(0);
            return Long.parseLong(element.getTextContent().strip()) * unit(element.getAttribute("unit"));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A size element of libvirt's XML ({@code <capacity unit='GiB'>2</capacity>}) in bytes; {@code defaultUnit} when it names none; 0 when absent. */
    static long bytes(Element element, String defaultUnit) {
        if (element == null) {
            return 0;
        }
        try {
            String unit = element.getAttribute("unit");
            return Long.parseLong(element.getTextContent().strip()) * unit(unit.isEmpty() ? defaultUnit : unit);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long unit(String unit) {
        return switch (unit) {
            case "", "bytes", "b", "B" -> 1L;
            case "KiB", "K", "k" -> 1L << 10;
            case "MiB", "M", "m" -> 1L << 20;
            case "GiB", "G", "g" -> 1L << 30;
            case "TiB", "T", "t" -> 1L << 40;
            case "KB" -> 1000L;
            case "MB" -> 1000_000L;
            case "GB" -> 1000_000_000L;
            default -> 1L;
        };
    }
}
