package org.vireo.service.device;

import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.vireo.model.Texts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * What is checked in an edited domain XML before anything is sent: it must be well-formed, a
 * {@code <domain>}, and keep its UUID and name (a rename has its own command). The same checks serve
 * the XML tab as it is typed and any command that defines XML.
 */
public final class XmlEditRules {

    /** A problem and the line it is on (from 1), or 0 when no line can be named. */
    public record Problem(int line, String message) {
    }

    private static final Pattern LIBVIRT_LINE = Pattern.compile("(?i)\\bline (\\d+)\\b");
    private static final Pattern ELEMENT = Pattern.compile("(?i)(?:element|elements?) '?<?([a-zA-Z][\\w:.-]*)'?");

    private XmlEditRules() {
    }

    public static Optional<Problem> problem(String edited, String original) {
        Document doc;
        try {
            doc = parse(edited);
        } catch (SAXParseException e) {
            return Optional.of(new Problem(Math.max(0, e.getLineNumber()), Texts.get("xml.malformed", e.getMessage())));
        } catch (Exception e) {
            return Optional.of(new Problem(0, Texts.get("xml.malformed", String.valueOf(e.getMessage()))));
        }
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("domain")) {
            return Optional.of(new Problem(1, Texts.get("xml.notDomain", root.getTagName())));
        }
        Document before;
        try {
            before = parse(original);
        } catch (Exception e) {
            return Optional.empty();   // nothing to compare with: libvirt decides
        }
        String uuid = childText(before.getDocumentElement(), "uuid");
        if (!uuid.isEmpty() && !uuid.equalsIgnoreCase(childText(root, "uuid"))) {
            return Optional.of(new Problem(lineOf(edited, "<uuid"), Texts.get("xml.uuid", uuid)));
        }
        String name = childText(before.getDocumentElement(), "name");
        String newName = childText(root, "name");
        if (!name.equals(newName)) {
            return Optional.of(new Problem(lineOf(edited, "<name"), Texts.get("xml.name", name, newName)));
        }
        return Optional.empty();
    }

    /**
     * The line libvirt's refusal points to: the line it names, or the first line holding the element it
     * names ("Element vcpu failed to validate", "Extra element cpu"); 0 when it names neither.
     */
    public static int lineFor(String libvirtMessage, String edited) {
        Matcher line = LIBVIRT_LINE.matcher(libvirtMessage);
        if (line.find()) {
            return Integer.parseInt(line.group(1));
        }
        Matcher element = ELEMENT.matcher(libvirtMessage);
        while (element.find()) {
            String name = element.group(1);
            if (name.equalsIgnoreCase("domain") || name.equalsIgnoreCase("in")) {
                continue;   // the root says nothing about where
            }
            int at = lineOf(edited, "<" + name);
            if (at > 0) {
                return at;
            }
        }
        return 0;
    }

    /** The line (from 1) of the first occurrence of {@code text} followed by a space, '>' or '/', or 0. */
    static int lineOf(String document, String text) {
        Matcher m = Pattern.compile(Pattern.quote(text) + "[\\s>/]").matcher(document);
        if (!m.find()) {
            return 0;
        }
        int lines = 1;
        for (int i = 0; i < m.start(); i++) {
            if (document.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);   // the exception says it; nothing on stderr
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    private static String childText(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }
}
