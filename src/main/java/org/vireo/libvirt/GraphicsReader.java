package org.vireo.libvirt;

import static org.vireo.libvirt.XmlElements.child;
import static org.vireo.libvirt.XmlElements.children;

import java.util.List;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.vireo.model.GraphicsEndpoint;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.w3c.dom.Element;

/** Finds a running VM's VNC display in its live domain XML. */
final class GraphicsReader {

    private static final int XML_SECURE = 1;   // includes the display's password

    private GraphicsReader() {
    }

    static GraphicsEndpoint vnc(Connect conn, VmSummary vm) throws LibvirtException, OperationException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            if (domain.isActive() != 1) {
                throw refusal(vm, Texts.get("graphics.notRunning", vm.name()));
            }
            return fromXml(vm, domain.getXMLDesc(XML_SECURE));
        } finally {
            domain.free();
        }
    }

    static GraphicsEndpoint fromXml(VmSummary vm, String xml) throws OperationException {
        Element devices = child(XmlElements.parse(xml).getDocumentElement(), "devices");
        List<Element> graphics = devices == null ? List.of() : children(devices, "graphics");
        Optional<Element> vnc = graphics.stream().filter(g -> "vnc".equals(g.getAttribute("type"))).findFirst();
        if (vnc.isEmpty()) {
            boolean spice = graphics.stream().anyMatch(g -> "spice".equals(g.getAttribute("type")));
            throw refusal(vm, spice
                    ? Texts.get("graphics.spiceOnly", vm.name()) : Texts.get("graphics.none", vm.name()));
        }
        Element display = vnc.get();
        Optional<Element> listen = children(display, "listen").stream().findFirst();
        if (!display.getAttribute("socket").isEmpty() || listen.map(l -> "socket".equals(l.getAttribute("type"))).orElse(false)) {
            throw refusal(vm, Texts.get("graphics.unixSocket", vm.name()));
        }
        int port;
        try {
            port = Integer.parseInt(display.getAttribute("port"));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port <= 0) {
            throw refusal(vm, Texts.get("graphics.noPort", vm.name()));
        }
        String host = display.getAttribute("listen");
        if (host.isEmpty()) {
            host = listen.map(l -> l.getAttribute("address")).orElse("");
        }
        // A display listening everywhere is reached on the node's loopback (directly, or through the SSH tunnel).
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        String password = display.getAttribute("passwd");
        return new GraphicsEndpoint(host, port, password.isEmpty() ? Optional.empty() : Optional.of(password));
    }

    private static OperationException refusal(VmSummary vm, String why) {
        return new OperationException(Texts.get("op.openScreen", vm.name()), why);
    }
}
