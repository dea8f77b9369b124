package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vireo.model.GraphicsEndpoint;
import org.vireo.model.OperationException;
import org.vireo.model.SpiceOnlyException;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;

/** Where a VM's screen is, read from live domain XML as libvirt writes it. */
class GraphicsReaderTest {

    private final VmSummary vm = new VmSummary("n", "u", "web", VmState.RUNNING, 1, 1, true, false, List.of());

    @Test
    void vncWithPasswordListeningEverywhereIsReachedOnLoopback() throws OperationException {
        GraphicsEndpoint endpoint = GraphicsReader.fromXml(vm, "<domain><devices>"
                + "<graphics type='spice' port='5901' autoport='yes'/>"
                + "<graphics type='vnc' port='5903' autoport='yes' listen='0.0.0.0' passwd='s&amp;cret'>"
                + "<listen type='address' address='0.0.0.0'/></graphics></devices></domain>");
        assertEquals(new GraphicsEndpoint("127.0.0.1", 5903, Optional.of("s&cret")), endpoint);
        assertEquals("GraphicsEndpoint[VNC 127.0.0.1:5903, with password]", endpoint.toString());
    }

    @Test
    void theListenElementGivesTheAddressWhenTheAttributeIsMissing() throws OperationException {
        assertEquals(new GraphicsEndpoint("10.0.0.5", 5900, Optional.empty()), GraphicsReader.fromXml(vm,
                "<domain><devices><graphics type='vnc' port='5900'><listen type='address' address='10.0.0.5'/></graphics></devices></domain>"));
    }

    @Test
    void refusalsSayWhyAndWhatWouldWork() {
        String spiceOnly = "<domain><devices><graphics type='spice' port='5901'/></devices></domain>";
        assertTrue(refusal(spiceOnly).startsWith("web shows its screen only over SPICE, which Vireo's screen tab does not speak. "
                + "Open it in an external viewer (remote-viewer), or shut it off and choose Switch display to VNC"));
        assertThrows(SpiceOnlyException.class, () -> GraphicsReader.fromXml(vm, spiceOnly), "the window offers the viewer on this kind");
        assertTrue(refusal("<domain><devices/></domain>").startsWith("web has no graphical display. Use its serial console"));
        assertTrue(refusal("<domain><devices><graphics type='vnc' socket='/run/vnc.sock'/></devices></domain>")
                .contains("listens on a UNIX socket"));
        assertTrue(refusal("<domain><devices><graphics type='vnc' port='-1' autoport='yes'/></devices></domain>")
                .contains("has no port yet"));
    }

    @Test
    void theViewerGetsSpiceFirstWithItsPasswordAndSocket() throws OperationException {
        String both = "<domain><devices><graphics type='vnc' port='5903' listen='127.0.0.1'/>"
                + "<graphics type='spice' port='5901' autoport='yes' listen='0.0.0.0' passwd='p w'>"
                + "<listen type='address' address='0.0.0.0'/></graphics></devices></domain>";
        assertEquals(new GraphicsEndpoint(GraphicsEndpoint.Protocol.SPICE, "127.0.0.1", 5901, Optional.empty(), Optional.of("p w")),
                GraphicsReader.forViewerFromXml(vm, both));
        assertEquals(new GraphicsEndpoint("127.0.0.1", 5903, Optional.empty()), GraphicsReader.fromXml(vm, both),
                "a VM with both keeps opening in the VNC tab");
        assertEquals(new GraphicsEndpoint(GraphicsEndpoint.Protocol.SPICE, "", 0, Optional.of("/var/lib/libvirt/qemu/spice.sock"),
                Optional.empty()), GraphicsReader.forViewerFromXml(vm, "<domain><devices><graphics type='spice'>"
                + "<listen type='socket' socket='/var/lib/libvirt/qemu/spice.sock'/></graphics></devices></domain>"));
        assertEquals(GraphicsEndpoint.Protocol.VNC, GraphicsReader.forViewerFromXml(vm,
                "<domain><devices><graphics type='vnc' port='5900'/></devices></domain>").protocol(), "VNC when there is no SPICE");
    }

    @Test
    void theViewerIsToldWhyADisplayCannotBeForwarded() {
        assertTrue(viewerRefusal("<domain><devices><graphics type='spice' port='-1' tlsPort='5902' defaultMode='secure'/></devices></domain>")
                .contains("takes only TLS connections"));
        assertTrue(viewerRefusal("<domain><devices><graphics type='spice'><listen type='none'/></graphics></devices></domain>")
                .contains("listens nowhere"));
        assertTrue(viewerRefusal("<domain><devices/></domain>").startsWith("web has no graphical display"));
    }

    private String viewerRefusal(String xml) {
        OperationException refused = assertThrows(OperationException.class, () -> GraphicsReader.forViewerFromXml(vm, xml));
        assertEquals("open web in an external viewer", refused.getMessage());
        return refused.detail();
    }

    private String refusal(String xml) {
        return assertThrows(OperationException.class, () -> GraphicsReader.fromXml(vm, xml)).detail();
    }
}
