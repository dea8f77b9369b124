package org.vireo.service.device;

import java.io.StringReader;
import java.util.Collection;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.vireo.model.Texts;
import org.xml.sax.InputSource;

/** The checks of the New pool dialog's fields as they are typed (and of any command that creates a pool). */
public final class PoolRules {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");
    private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?|\\[?[0-9a-f:]+\\]?");
    private static final Pattern VG = Pattern.compile("[A-Za-z0-9+_.][A-Za-z0-9+_.-]{0,126}");
    private static final Pattern IQN = Pattern.compile("(?i)(iqn\\.\\d{4}-\\d{2}\\.[a-z0-9.-]+(:\\S+)?|eui\\.[0-9a-f]{16}|naa\\.[0-9a-f]{16,32})");

    private PoolRules() {
    }

    public static String nameProblem(String name, Collection<String> taken) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return Texts.get("storage.pool.name.empty");
        }
        if (!NAME.matcher(n).matches()) {
            return Texts.get("storage.pool.name.form");
        }
        return taken.contains(n) ? Texts.get("storage.pool.name.taken", n) : "";
    }

    public static String hostProblem(String host) {
        return host != null && HOST.matcher(host.strip()).matches() ? "" : Texts.get("storage.pool.host");
    }

    public static String deviceProblem(String device) {
        String d = device == null ? "" : device.strip();
        return d.startsWith("/dev/") && d.length() > 5 && DeviceRules.pathProblem(d).isEmpty() ? "" : Texts.get("storage.pool.device");
    }

    public static String volumeGroupProblem(String name) {
        return name != null && VG.matcher(name.strip()).matches() ? "" : Texts.get("storage.pool.vg");
    }

    public static String iqnProblem(String iqn) {
        return iqn != null && IQN.matcher(iqn.strip()).matches() ? "" : Texts.get("storage.pool.iqn");
    }

    /** A custom pool's XML: well-formed, a {@code <pool>}. */
    public static String xmlProblem(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            String root = builder.parse(new InputSource(new StringReader(xml == null ? "" : xml))).getDocumentElement().getTagName();
            return root.equals("pool") ? "" : Texts.get("storage.pool.xml", "<" + root + ">");
        } catch (Exception e) {
            return Texts.get("storage.pool.xml", String.valueOf(e.getMessage()));
        }
    }
}
