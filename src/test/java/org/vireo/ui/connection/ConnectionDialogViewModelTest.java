package org.vireo.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vireo.model.LibvirtUri;
import org.vireo.ui.common.Messages;

/** The connection dialog's URI, built from the choices as they are made; no window. */
class ConnectionDialogViewModelTest {

    @TempDir
    Path dir;

    private final ConnectionDialogViewModel vm = new ConnectionDialogViewModel("/home/ann/.local/share/vireo/known hosts",
            new Messages(Locale.ENGLISH));

    @ParameterizedTest(name = "{0}+{1} {2}")
    @CsvSource(delimiter = '|', value = {
        "qemu | local | system  | ''   | ''        | ''   | qemu:///system",
        "qemu | local | session | ''   | ''        | ''   | qemu:///session",
        "qemu | tcp   | system  | ''   | lab1      | ''   | qemu+tcp://lab1/system",
        "qemu | tls   | system  | ''   | lab1      | 16514 | qemu+tls://lab1:16514/system",
        "xen  | tls   | system  | ''   | xen1      | ''   | xen+tls://xen1/",
        "lxc  | local | system  | ''   | ''        | ''   | lxc:///",
        "test | local | system  | ''   | ''        | ''   | test:///default",
        "test | tcp   | system  | ''   | 127.0.0.1 | 16509 | test+tcp://127.0.0.1:16509/default",
        "qemu | ssh   | system  | root | lab1      | 2222 | qemu+libssh://root@lab1:2222/system?known_hosts=%2Fhome%2Fann%2F.local%2Fshare%2Fvireo%2Fknown+hosts",
        "qemu | ssh   | system  | root | [fe80::1] | ''   | qemu+libssh://root@[fe80::1]/system?known_hosts=%2Fhome%2Fann%2F.local%2Fshare%2Fvireo%2Fknown+hosts",
    })
    void buildsTheUriFromTheChoices(String hypervisor, String transport, String mode, String user, String host, String port,
                                    String expected) {
        vm.hypervisor.set(hypervisor);
        vm.transport.set(transport);
        vm.mode.set(mode);
        vm.user.set(user);
        vm.host.set(host);
        vm.port.set(port);
        assertEquals(expected, vm.uriBinding().get());
        assertTrue(vm.valid());
        assertEquals(expected, LibvirtUri.parse(vm.uriBinding().get()).text(), "what the dialog builds, LibvirtUri reads back");
    }

    @Test
    void aKeyFileGoesIntoTheQueryAndMustExist() throws Exception {
        vm.transport.set("ssh");
        vm.host.set("lab1");
        vm.keyFile.set(dir.resolve("missing").toString());
        assertFalse(vm.keyFileError().get().isEmpty());
        assertFalse(vm.valid());
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        vm.keyFile.set(key.toString());
        assertEquals("", vm.keyFileError().get());
        assertEquals(key.toString(), LibvirtUri.parse(vm.uriBinding().get()).parameter("keyfile").orElseThrow());
    }

    @Test
    void badFieldsSayWhyAndKeepOkDisabled() {
        vm.transport.set("tcp");
        assertEquals("A remote connection needs a host name or address.", vm.hostError().get());
        vm.host.set("bad host");
        assertEquals("A host name (lab1.example.org) or an address (10.0.0.5, [::1]).", vm.hostError().get());
        vm.host.set("lab1");
        vm.port.set("99999");
        assertEquals("A port from 1 to 65535.", vm.portError().get());
        assertFalse(vm.valid());
        vm.port.set("");
        assertTrue(vm.valid());
    }

    @Test
    void aCustomUriIsTakenAsTypedAndCheckedByLibvirtUri() {
        vm.customUri.set("qemu+ssh://user:secret@host/system");
        assertTrue(vm.customError().get().contains("password"), vm.customError().get());
        assertFalse(vm.valid());
        vm.customUri.set("test:///path with spaces/node.xml");
        assertEquals("", vm.customError().get());
        assertEquals("test:///path with spaces/node.xml", vm.uriBinding().get());
        assertEquals("test:///path with spaces/node.xml", vm.effectiveName());
        vm.name.set("Lab");
        assertEquals("Lab", vm.effectiveName());
    }

    @Test
    void loadingAConnectionPutsItsUriInTheCustomField() {
        vm.load("Edge", "test:///default", false);
        assertEquals("test:///default", vm.customUri.get());
        assertEquals("Edge", vm.effectiveName());
        assertFalse(vm.autoconnect.get());
    }
}
