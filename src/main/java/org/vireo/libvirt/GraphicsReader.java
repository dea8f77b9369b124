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
import org.vireo.model.SpiceOnlyException;
import org.vireo.model.Texts;
import org.vireo.model.VmSummary;
import org.w3c.dom.Element;

/** Finds a running VM's displays in its live domain XML: VNC for the screen tab, SPICE first for an external viewer. */
final class GraphicsReader {

    private GraphicsReader() {
    }

    static GraphicsEndpoint vnc(Connect conn, VmSummary vm) throws LibvirtException, OperationException {
        return fromXml(vm, liveXml(conn, vm, "op.openScreen"));
    }

    static GraphicsEndpoint forViewer(Connect conn, VmSummary vm) throws LibvirtException, OperationException {
        return forViewerFromXml(vm, liveXml(conn, vm, "op.openViewer"));
    }

    private static String liveXml(Connect conn, VmSummary vm, String operation) throws LibvirtException, OperationException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            if (domain.isActive() != 1) {
                throw new OperationException(Texts.get(operation, vm.name()), Texts.get("graphics.notRunning", vm.name()));
            }
            return domain.getXMLDesc(DomainXmlFlags.SECURE);
        } finally {
            domain.free();
        }
    }

    static GraphicsEndpoint fromXml(VmSummary vm, String xml) throws OperationException {
        List<Element> graphics = graphics(xml);
        Optional<Element> vnc = graphics.stream().filter(g -> "vnc".equals(g.getAttribute("type"))).findFirst();
        if (vnc.isEmpty()) {
            boolean spice = graphics.stream().anyMatch(g -> "spice".equals(g.getAttribute("type")));
            if (spice) {
                throw new SpiceOnlyException(Texts.get("op.openScreen", vm.name()), Texts.get("graphics.spiceOnly", vm.name()));
            }
            throw refusal(vm, Texts.get("graphics.none", vm.name()));
        }
        GraphicsEndpoint endpoint = endpoint(vm, vnc.get(), GraphicsEndpoint.Protocol.VNC, "op.openScreen");
        if (endpoint.socket().isPresent()) {
            throw refusal(vm, Texts.get("graphics.unixSocket", vm.name()));
        }
        return endpoint;
    }

    /**
     * The display an external viewer opens: the SPICE one when there is one (what the viewer is
     * for), else VNC. A UNIX socket on the node is fine here: it is forwarded like a port.
     */
    static GraphicsEndpoint forViewerFromXml(VmSummary vm, String xml) throws OperationException {
        List<Element> graphics = graphics(xml);
        for (GraphicsEndpoint.Protocol protocol : List.of(GraphicsEndpoint.Protocol.SPICE, GraphicsEndpoint.Protocol.VNC)) {
            Optional<Element> display = graphics.stream().filter(g -> protocol.scheme().equals(g.getAttribute("type"))).findFirst();
            if (display.isPresent()) {
                return endpoint(vm, display.get(), protocol, "op.openViewer");
            }
        }
        throw new OperationException(Texts.get("op.openViewer", vm.name()), Texts.get("graphics.none", vm.name()));
    }

    private static List<Element> graphics(String xml) {
        Element devices = child(XmlElements.parse(xml).getDocumentElement(), "devices");
        return devices == null ? List.of() : children(devices, "graphics");
    }

    private static GraphicsEndpoint endpoint(VmSummary vm, Element display, GraphicsEndpoint.Protocol protocol, String operation)
            throws OperationException {
        String password = display.getAttribute("passwd");
        Optional<String> secret = password.isEmpty() ? Optional.empty() : Optional.of(password);
        Optional<Element> listen = children(display, "listen").stream().findFirst();
        String listenType = listen.map(l -> l.getAttribute("type")).orElse("");
        String socket = !display.getAttribute("socket").isEmpty() ? display.getAttribute("socket")
                : "socket".equals(listenType) ? listen.get().getAttribute("socket") : "";
        if (!socket.isEmpty() || "socket".equals(listenType)) {
            if (socket.isEmpty()) {
                throw new OperationException(Texts.get(operation, vm.name()), Texts.get("graphics.noPort", vm.name()));
            }
            return new GraphicsEndpoint(protocol, "", 0, Optional.of(socket), secret);
        }
        if ("none".equals(listenType)) {
            throw new OperationException(Texts.get(operation, vm.name()), Texts.get("graphics.listensNowhere", vm.name()));
        }
        int port = number(display.getAttribute("port"));
        if (port <= 0 && protocol == GraphicsEndpoint.Protocol.SPICE && number(display.getAttribute("tlsPort")) > 0) {
            throw new OperationException(Texts.get(operation, vm.name()), Texts.get("graphics.spiceTlsOnly", vm.name()));
        }
        if (port <= 0) {
            throw new OperationException(Texts.get(operation, vm.name()), Texts.get("graphics.noPort", vm.name()));
        }
        String host = display.getAttribute("listen");
        if (host.isEmpty()) {
            host = listen.map(l -> l.getAttribute("address")).orElse("");
        }
        // A display listening everywhere is reached on the node's loopback (directly, or through the SSH tunnel).
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return new GraphicsEndpoint(protocol, host, port, Optional.empty(), secret);
    }

    private static int number(String attribute) {
        try {
            return Integer.parseInt(attribute);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OperationException refusal(VmSummary vm, String why) {
        return new OperationException(Texts.get("op.openScreen", vm.name()), why);
    }
}
