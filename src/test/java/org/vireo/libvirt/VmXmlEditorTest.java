package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.OperationException;
import org.vireo.model.VmSummary;
import org.vireo.model.VmXml;
import org.vireo.service.device.XmlEditRules;
import org.vireo.testlab.LocalLibvirtd;
import org.vireo.testlab.Virsh;

/** The XML tab's saves on the test driver: what libvirt refuses changes nothing (virsh dumpxml byte-identical), the rest lands. */
class VmXmlEditorTest {

    @TempDir
    Path home;

    @Test
    void refusedEditsChangeNothingAndValidOnesLandWithTheTagsKept() throws Exception {
        try (LocalLibvirtd daemon = LocalLibvirtd.start(home.resolve("libvirtd"));
             TestDriverClient setup = new TestDriverClient(daemon.sharedTestNode())) {
            String uri = daemon.sharedTestNode();
            setup.define("<domain type='test'><name>edit-me</name><memory>262144</memory><vcpu>2</vcpu><os><type>hvm</type></os>"
                    + "<devices><graphics type='vnc' port='-1' passwd='s3cret'/></devices></domain>");
            LibvirtRuntime.start();
            VireoConnect conn = new VireoConnect(uri);
            try {
                VmSummary vm = DomainReader.read("n", conn.domainLookupByName("edit-me"));
                VmOperations.setTags(conn, vm, List.of("keep"));
                VmXml xml = VmXmlEditor.read(conn, vm);
                assertTrue(xml.saved().contains("passwd='s3cret'"), "the secret is there to be saved back");
                assertEquals("", xml.live(), "shut off");
                String before = dump(uri);

                // Not well-formed: refused before anything is sent, with the line.
                String broken = xml.saved().replace("<vcpu placement='static'>2</vcpu>", "<vcpu placement='static'>2</vcpu");
                OperationException malformed = assertThrows(OperationException.class, () -> VmXmlEditor.define(conn, vm, broken));
                assertTrue(malformed.detail().startsWith("Not well-formed XML"), malformed.detail());
                int line = XmlEditRules.problem(broken, xml.saved()).orElseThrow().line();
                assertTrue(broken.lines().toList().get(line - 1).contains("<vcpu") || broken.lines().toList().get(line - 2).contains("<vcpu"),
                        "line " + line);
                // vCPUs that are not a number, and an element libvirt does not know: libvirt's own words, and where.
                String letters = xml.saved().replace(">2</vcpu>", ">abc</vcpu>");
                OperationException abc = assertThrows(OperationException.class, () -> VmXmlEditor.define(conn, vm, letters));
                assertTrue(abc.detail().toLowerCase().contains("vcpu"), abc.detail());
                assertTrue(letters.lines().toList().get(XmlEditRules.lineFor(abc.detail(), letters) - 1).contains("<vcpu"), abc.detail());
                String unknown = xml.saved().replace("</devices>", "<flux-capacitor/></devices>");
                OperationException extra = assertThrows(OperationException.class, () -> VmXmlEditor.define(conn, vm, unknown));
                assertTrue(extra.detail().contains("validate"), extra.detail());
                // A new UUID and a new name are refused before anything is sent.
                String uuid = xml.saved().replaceAll("<uuid>[^<]+</uuid>", "<uuid>00000000-0000-0000-0000-000000000001</uuid>");
                assertTrue(assertThrows(OperationException.class, () -> VmXmlEditor.define(conn, vm, uuid)).detail().startsWith("The UUID cannot change"));
                String renamed = xml.saved().replace("<name>edit-me</name>", "<name>other</name>");
                assertTrue(assertThrows(OperationException.class, () -> VmXmlEditor.define(conn, vm, renamed)).detail().contains("Rename"));
                assertEquals(before, dump(uri), "every refusal left the domain exactly as it was");

                // A valid edit that also drops the metadata: it lands, the tags are put back, the password stays.
                String valid = xml.saved().replaceAll("(?s)<metadata>.*</metadata>", "")
                        .replace("<on_crash>destroy</on_crash>", "<on_crash>restart</on_crash>")
                        .replace("</devices>", "<watchdog model='i6300esb' action='reset'/></devices>");
                assertEquals("", VmXmlEditor.define(conn, vm, valid));
                String after = dump(uri);
                assertTrue(after.contains("<on_crash>restart</on_crash>"), after);
                assertTrue(after.contains("<watchdog model='i6300esb' action='reset'"), after);
                assertTrue(String.join("\n", Virsh.run(uri, "metadata", "edit-me", VireoTags.NAMESPACE)).contains("keep"));
                assertTrue(String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "--security-info", "edit-me")).contains("passwd='s3cret'"));
            } finally {
                conn.close();
            }
        }
    }

    private static String dump(String uri) {
        return String.join("\n", Virsh.run(uri, "dumpxml", "--inactive", "--security-info", "edit-me"));
    }
}
