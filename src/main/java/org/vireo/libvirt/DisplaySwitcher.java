package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.vireo.model.DisplaySwitch;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A SPICE display switched to VNC, the way virt-manager's users need it for Vireo's screen: every SPICE graphics
 * device becomes one VNC display on 127.0.0.1 with a port libvirt picks (kept if a VNC display is already there),
 * QXL video becomes virtio, the SPICE channels (agent, webdav, port) and USB redirections over SPICE go, and a SPICE
 * audio backend becomes none. Worked out on the saved definition by DOM, shown to the user, and saved only if the
 * definition is still the one it was worked out from and the VM is shut off; "Switch back" saves the old definition
 * again only if nothing changed since the switch.
 */
final class DisplaySwitcher {

    private DisplaySwitcher() {
    }

    static DisplaySwitch plan(VireoConnect conn, VmSummary vm) throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            return plan(domain.getXMLDesc(DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE));
        } finally {
            domain.free();
        }
    }

    /** The switch of the saved definition {@code before}: the changes in words and the definition after them. */
    static DisplaySwitch plan(String before) {
        Document doc = XmlElements.parse(before);
        Element devices = XmlElements.child(doc.getDocumentElement(), "devices");
        List<String> changes = new ArrayList<>();
        if (devices == null) {
            return new DisplaySwitch(changes, before, before);
        }
        List<Element> graphics = XmlElements.children(devices, "graphics");
        List<Element> spice = graphics.stream().filter(g -> "spice".equals(g.getAttribute("type"))).toList();
        if (spice.isEmpty()) {
            return new DisplaySwitch(changes, before, before);
        }
        boolean hasVnc = graphics.stream().anyMatch(g -> "vnc".equals(g.getAttribute("type")));
        Element first = spice.get(0);
        if (!hasVnc) {
            Element vnc = doc.createElement("graphics");
            vnc.setAttribute("type", "vnc");
            vnc.setAttribute("port", "-1");
            vnc.setAttribute("autoport", "yes");
            vnc.setAttribute("listen", "127.0.0.1");
            Element listen = doc.createElement("listen");
            listen.setAttribute("type", "address");
            listen.setAttribute("address", "127.0.0.1");
            vnc.appendChild(listen);
            devices.insertBefore(vnc, first);
            changes.add(Texts.get("display.switch.graphics"));
        } else {
            changes.add(Texts.get("display.switch.graphicsKept"));
        }
        spice.forEach(DisplaySwitcher::remove);
        for (Element video : XmlElements.children(devices, "video")) {
            Element model = XmlElements.child(video, "model");
            if (model != null && "qxl".equals(model.getAttribute("type"))) {
                Element virtio = doc.createElement("model");
                virtio.setAttribute("type", "virtio");
                virtio.setAttribute("heads", model.getAttribute("heads").isEmpty() ? "1" : model.getAttribute("heads"));
                if (!model.getAttribute("primary").isEmpty()) {
                    virtio.setAttribute("primary", model.getAttribute("primary"));
                }
                video.replaceChild(virtio, model);
                changes.add(Texts.get("display.switch.video"));
            }
        }
        for (Element device : XmlElements.children(devices)) {
            String type = device.getAttribute("type");
            if (!type.equals("spicevmc") && !type.equals("spiceport")) {
                continue;
            }
            switch (device.getTagName()) {
                case "channel" -> {
                    Element target = XmlElements.child(device, "target");
                    changes.add(Texts.get("display.switch.channel", target == null ? type : target.getAttribute("name")));
                }
                case "redirdev" -> changes.add(Texts.get("display.switch.redirdev", device.getAttribute("bus")));
                default -> changes.add(Texts.get("display.switch.other", device.getTagName()));
            }
            remove(device);
        }
        for (Element audio : XmlElements.children(devices, "audio")) {
            if ("spice".equals(audio.getAttribute("type"))) {
                audio.setAttribute("type", "none");
                changes.add(Texts.get("display.switch.audio"));
            }
        }
        return new DisplaySwitch(changes, before, DomainXmlBuilder.serialize(doc));
    }

    /** Saves {@code plan.after()}; returns the saved definition as libvirt now gives it (what Switch back compares with). */
    static String apply(VireoConnect conn, VmSummary vm, DisplaySwitch plan) throws LibvirtException {
        String what = Texts.get("op.display.switch", vm.name());
        return replace(conn, vm, plan.before(), plan.after(), what, Texts.get("display.switch.changedSince"));
    }

    /** Saves {@code plan.before()} again, if the definition is still {@code after} (what the switch saved). */
    static String undo(VireoConnect conn, VmSummary vm, DisplaySwitch plan, String after) throws LibvirtException {
        String what = Texts.get("op.display.switchBack", vm.name());
        return replace(conn, vm, after, plan.before(), what, Texts.get("display.switch.changedAfter"));
    }

    private static String replace(VireoConnect conn, VmSummary vm, String expected, String replacement, String what, String changed)
            throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            if (domain.isActive() == 1) {
                throw new OperationException(what, Texts.get("display.switch.running", vm.name()));
            }
            if (!domain.getXMLDesc(DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE).equals(expected)) {
                throw new OperationException(what, changed);
            }
            DomainDefinition.define(conn, replacement, what).free();
        } finally {
            domain.free();
        }
        Domain saved = VmOperations.lookup(conn, vm);
        try {
            return saved.getXMLDesc(DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE);
        } finally {
            saved.free();
        }
    }

    /** Removes an element with the whitespace before it, so the saved XML keeps its indentation. */
    private static void remove(Element element) {
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
            before.getParentNode().removeChild(before);
        }
        element.getParentNode().removeChild(element);
    }
}
