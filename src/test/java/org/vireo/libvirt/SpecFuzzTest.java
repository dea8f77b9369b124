package org.vireo.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Domain;
import org.vireo.model.NodeFacts;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.SpecDraft;
import org.vireo.service.create.SpecValidator;
import org.vireo.service.create.VmSpec;
import org.vireo.testlab.NodeFiles;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * 10 000 random drafts, hostile ones included, through the validator and the XML builder: no
 * exception escapes, every accepted spec defines on libvirt's test driver, and no input ever
 * becomes markup.
 */
class SpecFuzzTest {

    private static final String[] NASTY = {"", " ", "a</name><devices>", "<", "&", "&amp;", "'", "\"", "/", "x/y", "../etc",
            "\u0000", "\n", "é", "名前", "-x", ".x", "a b", "a".repeat(65), "a".repeat(64), "web-01", "db_2", "k8s:node+1",
            "]]>", "<!--", "$(reboot)", "`id`", ";rm -rf /"};
    private static final String[] GOOD_NAMES = {"web-", "db_", "k8s:node+", "é-vm-", "名前-", "Test.VM."};
    private static final String[] GOOD_NUMBERS = {"1", "2", "4", " 3 "};
    private static final String[] GOOD_MEMORY = {"4G", "4 GiB", "4096M", "4 GB", "1.5G", "64M", "2 gib", "512"};
    private static final String[] GOOD_DISK = {"50G", "10", "512M", "1.5 GiB", "20 GB"};
    private static final String[] SIZES = {"", "0", "-1", "1e9", "4", "4G", "4 GiB", "4096M", "4 GB", "1.5G", "999999999 TiB",
            "9223372036854775807", "64M", "16 MiB", "1 TB", "12 XB", "4 g", " 2 gib ", "0.0001", "NaN", "Infinity", "0x10"};
    private static final String[] NUMBERS = {"", "0", "1", "2", "4", "32", "33", "-1", "1.5", "99999999999", "two", " 3 "};
    private static final String[] PATHS = {"", "/default-pool/base.img", "/iso/none.iso", "relative.iso", "/x\ny", "/a b/c d.iso",
            "/<x>&.iso"};

    @TempDir
    Path dir;

    @Test
    void tenThousandRandomDraftsNeverBreakAnything() throws Exception {
        String uri = NodeFiles.write(dir.resolve("fuzz.xml"));
        LibvirtRuntime.start();
        VireoConnect conn = new VireoConnect(uri);
        try {
            NodeFacts real = NodeFactsReader.read(conn);
            NodeFacts facts = new NodeFacts(real.hostCpus(), real.hostMemoryBytes(), 32, 0, Set.of("taken"),
                    List.of(new NodeFacts.Pool("default-pool", true, 100L << 30, 90L << 30, "/default-pool",
                            List.of(new NodeFacts.Volume("base.img", "/default-pool/base.img", 10L << 30)))),
                    List.of("default"), real.domainTypes());
            SpecValidator validator = new SpecValidator(password -> "$6$salt$hash");
            Random random = new Random(20261127);
            int accepted = 0;
            for (int i = 0; i < 10_000; i++) {
                // Three drafts in four lean on good values, so enough pass to reach libvirt; the rest are hostile.
                boolean tame = random.nextInt(4) != 0;
                SpecDraft draft = new SpecDraft(tame ? pick(random, GOOD_NAMES) + i : pick(random, NASTY),
                        OsVariant.values()[random.nextInt(OsVariant.values().length)],
                        pick(random, new String[] {"none", "iso", "import", "kernel", "pxe", "bogus", null}),
                        pick(random, PATHS), pick(random, PATHS), pick(random, PATHS), pick(random, NASTY),
                        tame ? pick(random, GOOD_NUMBERS) : pick(random, NUMBERS), tame ? pick(random, GOOD_MEMORY) : pick(random, SIZES),
                        pick(random, new String[] {"new", "existing", "none", null}),
                        tame ? "default-pool" : pick(random, new String[] {"default-pool", "nope", "", null}),
                        tame ? pick(random, GOOD_DISK) : pick(random, SIZES),
                        pick(random, new String[] {"qcow2", "raw", "vmdk", null}), pick(random, PATHS),
                        pick(random, new String[] {"network", "bridge", "user", "none"}),
                        tame ? pick(random, new String[] {"default", "br0"})
                                : pick(random, new String[] {"default", "br0", "nope", "br0; reboot", "a".repeat(16)}),
                        tame ? "" : pick(random, new String[] {"", "52:54:00:aa:bb:cc", "01:00:5e:00:00:01", "zz", "52:54:00:AA:BB:CC"}),
                        random.nextInt(5) == 0, pick(random, new String[] {"ada", "Root", "", "a b"}),
                        pick(random, new String[] {"", "short", "long enough pass"}),
                        pick(random, new String[] {"", "ssh-ed25519 AAAAC3Nza ada@host", "ssh-ed25519 AAAA\nx: y"}),
                        pick(random, NASTY), random.nextBoolean(), random.nextBoolean(),
                        pick(random, new String[] {"auto", "bios", "uefi", "uefi-secure", "pink", "", null}),
                        pick(random, new String[] {"auto", "yes", "no", "maybe", null}), pick(random, PATHS),
                        pick(random, new String[] {"", "q35", "pc", "pc-q35-7.2", "q99", "<x>", null}),
                        tame ? "" : pick(random, new String[] {"", "x86_64", "i686", "aarch64", "<arch/>", null}));
                SpecValidator.Result result = validator.validate(draft, facts);
                if (result.spec().isEmpty()) {
                    assertTrue(!result.errors().isEmpty(), "a refused draft says why");
                    continue;
                }
                accepted++;
                VmSpec spec = result.spec().get();
                String xml = DomainXmlBuilder.domain(spec, facts);
                Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
                assertEquals(spec.name(), doc.getElementsByTagName("name").item(0).getTextContent(), "the name stays text");
                assertEquals(1, doc.getElementsByTagName("devices").getLength(), "no injected elements");
                assertEquals(1, doc.getElementsByTagName("name").getLength(), "no injected elements");
                Domain defined = conn.domainDefineXML(xml);
                try {
                    assertEquals(spec.name(), defined.getName());
                    assertEquals(spec.vcpus(), DomainXml.parse(defined.getXMLDesc(0)).maxVcpus());
                } finally {
                    defined.undefine();
                    defined.free();
                }
            }
            assertTrue(accepted > 300, "enough drafts were valid to exercise define: " + accepted);
            System.out.println("fuzz: " + accepted + " of 10000 drafts accepted and defined");
        } finally {
            conn.close();
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
