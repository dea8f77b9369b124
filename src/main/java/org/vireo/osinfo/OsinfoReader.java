package org.vireo.osinfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.IsoLabel;
import org.vireo.service.create.OsCatalogue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads osinfo-db's {@code os/**}{@code /*.xml} into an {@link OsCatalogue}: ids, short ids, names (the untranslated
 * one), family, distro, version, release date, the x86_64 (or "all") minimum and recommended resources, and the
 * x86_64/i686 media rules. Files it cannot read are skipped and logged; no data at all gives Vireo's built-in families.
 */
public final class OsinfoReader {

    private static final Logger LOG = LoggerFactory.getLogger(OsinfoReader.class);
    /** Where Debian's osinfo-db package puts the data; libosinfo's OSINFO_SYSTEM_DIR overrides it, as for libosinfo. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/osinfo");

    private OsinfoReader() {
    }

    /** The catalogue from the system's osinfo-db (or {@code $OSINFO_SYSTEM_DIR}), or the built-in families without it. */
    public static OsCatalogue system() {
        String override = System.getenv("OSINFO_SYSTEM_DIR");
        return read(override == null || override.isBlank() ? SYSTEM_DIR : Path.of(override));
    }

    public static OsCatalogue read(Path dir) {
        Path os = dir.resolve("os");
        if (!Files.isDirectory(os)) {
            LOG.info("osinfo-db's data is not at {}: the wizard offers Vireo's own OS families (apt-get install osinfo-db)", dir);
            return OsCatalogue.builtIn();
        }
        List<OsCatalogue.Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(os)) {
            DocumentBuilder parser = parser();
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Document doc = parser.parse(in);
                    for (Element element : children(doc.getDocumentElement(), "os")) {
                        entries.add(entry(element));
                    }
                } catch (IOException | SAXException | RuntimeException e) {
                    LOG.debug("Skipped {}: {}", file, e.toString());
                }
            }
        } catch (IOException | ParserConfigurationException e) {
            LOG.warn("Could not read osinfo-db at {}: {}", dir, e.toString());
            return OsCatalogue.builtIn();
        }
        if (entries.isEmpty()) {
            return OsCatalogue.builtIn();
        }
        LOG.info("OS catalogue: {} entries from osinfo-db at {}", entries.size(), dir);
        return new OsCatalogue(entries, true);
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder();
    }

    private static OsCatalogue.Entry entry(Element os) {
        List<String> shortIds = children(os, "short-id").stream().map(Node::getTextContent).map(String::strip).toList();
        String name = children(os, "name").stream().filter(n -> !n.hasAttribute("xml:lang")).map(Node::getTextContent).findFirst()
                .orElse(shortIds.isEmpty() ? os.getAttribute("id") : shortIds.get(0));
        Element minimum = null;
        Element recommended = null;
        for (Element resources : children(os, "resources")) {
            String arch = resources.getAttribute("arch");
            if (arch.equals("x86_64") || arch.equals("all") && minimum == null) {
                minimum = child(resources, "minimum");
                recommended = child(resources, "recommended");
            }
        }
        List<OsCatalogue.Media> media = new ArrayList<>();
        for (Element m : children(os, "media")) {
            String arch = m.getAttribute("arch");
            Element iso = child(m, "iso");
            if (iso != null && (arch.isEmpty() || arch.equals("x86_64") || arch.equals("i686") || arch.equals("all"))) {
                media.add(new OsCatalogue.Media(arch, text(iso, "volume-id"), text(iso, "publisher-id"), text(iso, "application-id"),
                        text(iso, "system-id")));
            }
        }
        return new OsCatalogue.Entry(os.getAttribute("id"), shortIds, name.strip(), text(os, "family"), text(os, "distro"),
                text(os, "version"), text(os, "release-date"), (int) number(minimum, "n-cpus"), number(minimum, "ram"),
                number(minimum, "storage"), (int) number(recommended, "n-cpus"), number(recommended, "ram"), number(recommended, "storage"),
                media);
    }

    /** The labels of a local ISO image, or empty when it is not one (or cannot be read). Reads 2 KiB. */
    public static Optional<IsoLabel> labelOf(Path image) {
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "r")) {
            if (file.length() < IsoLabel.OFFSET + IsoLabel.LENGTH) {
                return Optional.empty();
            }
            byte[] descriptor = new byte[IsoLabel.LENGTH];
            file.seek(IsoLabel.OFFSET);
            file.readFully(descriptor);
            return IsoLabel.parse(descriptor);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long number(Element parent, String name) {
        String value = parent == null ? "" : text(parent, name);
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? "" : c.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }
}
