package org.vireo.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One table of URIs, each parsed once, and the questions the app asks of them. */
class LibvirtUriTest {

    /**
     * uri | driver | transport | user | host | port | path | localSocket | remote | canReconnect | overSsh | displayName
     * (every driver × transport the connection dialog offers, plus what users type by hand)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "qemu:///system                                 | qemu | ''      | ''   | ''            | -1   | /system   | true  | false | false | false | qemu:///system",
        "qemu:///session                                | qemu | ''      | ''   | ''            | -1   | /session  | true  | false | false | false | qemu:///session",
        "qemu+unix:///system                            | qemu | unix    | ''   | ''            | -1   | /system   | true  | false | true  | false | qemu+unix:///system",
        "qemu+ssh://root@lab1/system                    | qemu | ssh     | root | lab1          | -1   | /system   | false | true  | true  | true  | lab1",
        "qemu+libssh://root@lab1:2222/system            | qemu | libssh  | root | lab1          | 2222 | /system   | false | true  | true  | true  | lab1",
        "qemu+libssh2://ann@lab1/session                | qemu | libssh2 | ann  | lab1          | -1   | /session  | false | true  | true  | true  | lab1",
        "qemu+tcp://10.0.0.5/system                     | qemu | tcp     | ''   | 10.0.0.5      | -1   | /system   | false | true  | true  | false | 10.0.0.5",
        "qemu+tls://host.example.org:16514/system       | qemu | tls     | ''   | host.example.org | 16514 | /system | false | true | true | false | host.example.org",
        "qemu+ext:///system?command=/opt/bin/tunnel     | qemu | ext     | ''   | ''            | -1   | /system   | false | false | true  | false | qemu+ext:///system",
        "test:///default                                | test | ''      | ''   | ''            | -1   | /default  | true  | false | false | false | test:///default",
        "'test:///path with spaces/node.xml'            | test | ''      | ''   | ''            | -1   | /path with spaces/node.xml | true | false | false | false | node",
        "test+tcp://127.0.0.1:16509/default             | test | tcp     | ''   | 127.0.0.1     | 16509 | /default | false | true  | true  | false | 127.0.0.1",
        "test+libssh://root@10.77.0.11/default          | test | libssh  | root | 10.77.0.11    | -1   | /default  | false | true  | true  | true  | 10.77.0.11",
        "test+unix:///default?socket=/tmp/t/sock        | test | unix    | ''   | ''            | -1   | /default  | true  | false | true  | false | test+unix:///default",
        "qemu+ssh://user@[fe80::1]:2222/system?keyfile=/k&known_hosts=/h | qemu | ssh | user | fe80::1 | 2222 | /system | false | true | true | true | fe80::1",
        "qemu+tcp://[::1]/system                        | qemu | tcp     | ''   | ::1           | -1   | /system   | false | true  | true  | false | ::1",
        "xen+tls://host/                                | xen  | tls     | ''   | host          | -1   | /         | false | true  | true  | false | host",
        "xen:///system                                  | xen  | ''      | ''   | ''            | -1   | /system   | true  | false | false | false | xen:///system",
        "esx://host/?no_verify=1                        | esx  | ''      | ''   | host          | -1   | /         | false | true  | true  | false | host",
        "lxc:///system                                  | lxc  | ''      | ''   | ''            | -1   | /system   | true  | false | false | false | lxc:///system",
        "lxc+ssh://admin@box/system                     | lxc  | ssh     | admin | box          | -1   | /system   | false | true  | true  | true  | box",
        "vbox:///session                                | vbox | ''      | ''   | ''            | -1   | /session  | true  | false | false | false | vbox:///session",
        "qemu+ssh://build_host/system                   | qemu | ssh     | ''   | build_host    | -1   | /system   | false | true  | true  | true  | build_host",
        "ch:///session                                  | ch   | ''      | ''   | ''            | -1   | /session  | true  | false | false | false | ch:///session",
        "bhyve+ssh://root@freebsd/system                | bhyve | ssh    | root | freebsd       | -1   | /system   | false | true  | true  | true  | freebsd",
    })
    void parsesAndAnswers(String text, String driver, String transport, String user, String host, int port, String path,
                          boolean localSocket, boolean remote, boolean canReconnect, boolean overSsh, String displayName) {
        LibvirtUri uri = LibvirtUri.parse(text);
        assertAll(
                () -> assertEquals(driver, uri.driver(), "driver"),
                () -> assertEquals(transport, uri.transport(), "transport"),
                () -> assertEquals(user, uri.user(), "user"),
                () -> assertEquals(host, uri.host(), "host"),
                () -> assertEquals(port, uri.port(), "port"),
                () -> assertEquals(path, uri.path(), "path"),
                () -> assertEquals(localSocket, uri.isLocalSocket(), "isLocalSocket"),
                () -> assertEquals(remote, uri.isRemote(), "isRemote"),
                () -> assertEquals(canReconnect, uri.canReconnect(), "canReconnect"),
                () -> assertEquals(overSsh, uri.reachedOverSsh(), "reachedOverSsh"),
                () -> assertEquals(displayName, uri.displayName(), "displayName"),
                () -> assertEquals(text, uri.toString()));
    }

    @Test
    void queryParametersAreDecoded() {
        LibvirtUri uri = LibvirtUri.parse("qemu+ssh://user@[fe80::1]:2222/system?keyfile=/k&known_hosts=/h%20dir/kh");
        assertEquals("/k", uri.parameter("keyfile").orElseThrow());
        assertEquals("/h dir/kh", uri.parameter("known_hosts").orElseThrow());
        assertFalse(uri.parameter("socket").isPresent());
        assertEquals(2222, uri.sshPort());
        assertEquals(22, LibvirtUri.parse("qemu+ssh://h/system").sshPort());
        assertEquals("qemu+unix:///system?socket=%2Frun%2Fuser%2F1000%2Fvireo-1%2Flibvirt-1.sock",
                uri.overUnixSocket("/run/user/1000/vireo-1/libvirt-1.sock"));
        assertEquals("/run/user/1000/vireo-1/libvirt-1.sock",
                LibvirtUri.parse(uri.overUnixSocket("/run/user/1000/vireo-1/libvirt-1.sock")).parameter("socket").orElseThrow());
    }

    @Test
    void buildsFromPartsAndReadsBackTheSame() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("known_hosts", "/home/ann/.local/share/vireo/known hosts");
        query.put("keyfile", "/home/ann/.ssh/id_ed25519");
        LibvirtUri built = LibvirtUri.of("qemu", "libssh", "ann", "fe80::1", 2222, "/system", query);
        assertEquals("qemu+libssh://ann@[fe80::1]:2222/system?known_hosts=%2Fhome%2Fann%2F.local%2Fshare%2Fvireo%2Fknown+hosts"
                + "&keyfile=%2Fhome%2Fann%2F.ssh%2Fid_ed25519", built.text());
        LibvirtUri again = LibvirtUri.parse(built.text());
        assertEquals("fe80::1", again.host());
        assertEquals(query, again.query());
        assertEquals("test:///default", LibvirtUri.of("test", "", "", "", -1, "/default", Map.of()).text());
    }

    /** Malformed URIs: each gets a plain message, never another exception. */
    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "system", "qemu", "://host/system", "QEMU:///system", "qemu+carrier-pigeon://h/system",
        "qemu+ssh:///system", "qemu+ssh://root@/system", "qemu+tcp://host:99999/system", "qemu+tcp://host:abc/system",
        "qemu+ssh://user:secret@host/system", "qemu+tcp://[fe80::1/system", "qemu+tcp://[zz::1]/system",
        "qemu+tcp://bad host/system", "qemu:system", "qemu+ssh://h/system\nforged", "test:///x?a=%zz",
        "qemu+tcp://-bad-/system"})
    void malformedUrisSayWhy(String text) {
        LibvirtUri.Invalid invalid = assertThrows(LibvirtUri.Invalid.class, () -> LibvirtUri.parse(text));
        String message = invalid.getMessage();
        assertTrue(message != null && message.length() > 10 && !message.startsWith("!"), "a message from the bundle: " + message);
        assertEquals(Optional.of(message), LibvirtUri.problem(text));
    }
}
