package org.vireo.libvirt;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Vireo's tags as a domain {@code <metadata>} element in Vireo's own namespace, so they travel
 * with the domain (virsh dumpxml shows them, other hosts keep them). Built and read with DOM:
 * a tag is text, never markup.
 */
final class VireoTags {

    static final String NAMESPACE = "https://vireo.dev/xmlns/tags/1.0";
    static final String PREFIX = "vireo";

    private VireoTags() {
    }

    /** Normalises user input: trimmed, blanks dropped, duplicates merged, sorted. */
    static List<String> normalise(List<String> tags) {
        TreeSet<String> clean = new TreeSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (!t.isEmpty()) {
                clean.add(t);
            }
        }
        return List.copyOf(clean);
    }

    static String toXml(List<String> tags) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("tags");
            doc.appendChild(root);
            for (String tag : normalise(tags)) {
                Element element = doc.createElement("tag");
                element.setTextContent(tag);
                root.appendChild(element);
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("The JDK's XML support failed", e);
        }
    }

    static List<String> fromXml(String xml) {
        if (xml == null || xml.isBlank()) {
            return List.of();
        }
        try {
            Document doc = XmlElements.parse(xml);
            NodeList nodes = doc.getElementsByTagNameNS("*", "tag");
            if (nodes.getLength() == 0) {
                nodes = doc.getElementsByTagName("tag");
            }
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                tags.add(nodes.item(i).getTextContent());
            }
            return normalise(tags);
        } catch (Exception e) {
            return List.of();   // someone else's malformed metadata: no tags rather than no VM
        }
    }
}
