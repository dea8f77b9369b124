package org.vireo.osinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.model.IsoLabel;
import org.vireo.service.create.OsCatalogue;
import org.vireo.service.create.OsVariant;
import org.vireo.testlab.LocalFiles;

/**
 * The OS catalogue from the installed osinfo-db (the test command installs it) and media detection on ISOs made here
 * with xorriso: a Debian 11 netinst, a Fedora 37 Server DVD and a Windows 11 medium are recognised by their labels as
 * osinfo-db's rules say; an ISO of anything else is not, and neither is a file that is not an ISO.
 */
class OsCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void theCatalogueComesFromOsinfoDbWithItsSizesAndFamilies() {
        OsCatalogue catalogue = OsinfoReader.system();
        assertTrue(catalogue.fromOsinfo(), "osinfo-db is installed by the test command");
        assertTrue(catalogue.entries().size() > 500, "entries: " + catalogue.entries().size());
        OsCatalogue.Entry debian = catalogue.byShortId("debian11").orElseThrow();
        assertEquals("Debian 11", debian.name());
        assertEquals(1L << 30, debian.recRam());
        assertEquals(20L << 30, debian.recStorage());
        assertEquals(10L << 30, debian.minStorage());
        assertEquals(OsVariant.DEBIAN_12, debian.preset());
        assertEquals(debian, catalogue.byShortId("DebianBullseye").orElseThrow(), "every short id, any case");
        assertEquals(OsVariant.WINDOWS_11, catalogue.byShortId("win11").orElseThrow().preset());
        assertEquals(OsVariant.WINDOWS_10, catalogue.byShortId("win10").orElseThrow().preset());
        assertEquals(OsVariant.FEDORA_41, catalogue.byShortId("fedora37").orElseThrow().preset());
        List<OsCatalogue.Entry> fedoras = catalogue.search("fedora", 5);
        assertTrue(fedoras.get(0).releaseDate().compareTo(fedoras.get(4).releaseDate()) >= 0, "newest first: " + fedoras);
        assertTrue(catalogue.search("debian 11", 10).contains(debian));
    }

    @Test
    void installMediaAreRecognisedByTheirLabels() throws Exception {
        OsCatalogue catalogue = OsinfoReader.system();
        assertEquals("debian11", detect(catalogue, iso("debian.iso", "-V", "Debian 11.6.0 amd64 n")));
        assertEquals("fedora37", detect(catalogue, iso("fedora.iso", "-V", "Fedora-S-dvd-x86_64-37", "-sysid", "LINUX")));
        assertEquals("win11", detect(catalogue, iso("win.iso", "-V", "CCCOMA_X64FRE_EN-US_DV9", "-publisher", "MICROSOFT CORPORATION")));
        assertEquals("", detect(catalogue, iso("other.iso", "-V", "HOLIDAY PHOTOS 2026")));
        Path notIso = Files.write(dir.resolve("not.iso"), new byte[64 * 1024]);
        assertEquals(Optional.empty(), OsinfoReader.labelOf(notIso));
        assertEquals(Optional.empty(), OsinfoReader.labelOf(dir.resolve("missing.iso")));
    }

    private static String detect(OsCatalogue catalogue, Path iso) {
        IsoLabel label = OsinfoReader.labelOf(iso).orElseThrow();
        return catalogue.detect(label, "x86_64").map(OsCatalogue.Entry::shortId).orElse("");
    }

    private Path iso(String name, String... options) throws Exception {
        return LocalFiles.iso(dir.resolve(name), options);
    }
}
