package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vireo.model.GraphicsEndpoint;
import org.vireo.model.OperationException;
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
        assertEquals("GraphicsEndpoint[127.0.0.1:5903, with password]", endpoint.toString());
    }

    @Test
    void theListenElementGivesTheAddressWhenTheAttributeIsMissing() throws OperationException {
        assertEquals(new GraphicsEndpoint("10.0.0.5", 5900, Optional.empty()), GraphicsReader.fromXml(vm,
                "<domain><devices><graphics type='vnc' port='5900'><listen type='address' address='10.0.0.5'/></graphics></devices></domain>"));
    }

    @Test
    void refusalsSayWhyAndWhatWouldWork() {
        assertTrue(refusal("<domain><devices><graphics type='spice' port='5901'/></devices></domain>")
                .startsWith("web shows its screen only over SPICE, which Vireo's screen tab does not speak. Shut it off and choose Switch display to VNC"));
        assertTrue(refusal("<domain><devices/></domain>").startsWith("web has no graphical display. Use its serial console"));
        assertTrue(refusal("<domain><devices><graphics type='vnc' socket='/run/vnc.sock'/></devices></domain>")
                .contains("listens on a UNIX socket"));
        assertTrue(refusal("<domain><devices><graphics type='vnc' port='-1' autoport='yes'/></devices></domain>")
                .contains("has no port yet"));
    }

    private String refusal(String xml) {
        return assertThrows(OperationException.class, () -> GraphicsReader.fromXml(vm, xml)).detail();
    }
}
