package org.vireo.ui.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vireo.model.LibvirtUri;
import org.vireo.service.device.MigrationRules;
import org.vireo.ui.common.Messages;

/**
 * The connection being added or edited: choices that build a libvirt URI live, or a custom URI
 * taken as typed; each field says what is wrong with it.
 */
public final class ConnectionDialogViewModel {

    private static final Pattern HOST = Pattern.compile(
            "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:]+]");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    final StringProperty hypervisor = new SimpleStringProperty("qemu");
    final StringProperty transport = new SimpleStringProperty("local");
    final StringProperty mode = new SimpleStringProperty("system");
    final StringProperty user = new SimpleStringProperty("");
    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty("");
    final StringProperty keyFile = new SimpleStringProperty("");
    final StringProperty name = new SimpleStringProperty("");
    final BooleanProperty autoconnect = new SimpleBooleanProperty(true);
    final StringProperty customUri = new SimpleStringProperty("");
    /** How other nodes reach this one for a migration: a host, user@host or a URI; empty for the connection's host. */
    final StringProperty peerAddress = new SimpleStringProperty("");

    private final StringBinding uri;
    private final StringBinding hostError;
    private final StringBinding portError;
    private final StringBinding userError;
    private final StringBinding keyFileError;
    private final StringBinding customError;
    private final StringBinding peerAddressError = Bindings.createStringBinding(() -> MigrationRules.peerAddressProblem(peerAddress.get()),
            peerAddress);

    private final String knownHostsFile;

    /**
     * @param knownHostsFile where libvirt's libssh transport keeps accepted host keys: Vireo's own
     *                       file, so a first contact is asked in a dialog and ~/.ssh is left alone
     */
    public ConnectionDialogViewModel(String knownHostsFile, Messages messages) {
        this.knownHostsFile = knownHostsFile;
        hostError = Bindings.createStringBinding(() -> {
            if (!customUri.get().isBlank() || transport.get().equals("local")) {
                return "";
            }
            String h = host.get().strip();
            return h.isEmpty() ? messages.get("connection.error.noHost")
                    : HOST.matcher(h).matches() ? "" : messages.get("connection.error.host");
        }, host, transport, customUri);
        portError = Bindings.createStringBinding(() -> {
            String p = port.get().strip();
            if (p.isEmpty() || !customUri.get().isBlank()) {
                return "";
            }
            try {
                int n = Integer.parseInt(p);
                return n >= 1 && n <= 65535 ? "" : messages.get("connection.error.port");
            } catch (NumberFormatException e) {
                return messages.get("connection.error.port");
            }
        }, port, customUri);
        userError = Bindings.createStringBinding(() -> user.get().isBlank() || USER.matcher(user.get().strip()).matches()
                ? "" : messages.get("connection.error.user"), user);
        // A stat of one local file, as the user types its path: cheap, and the answer belongs at the field.
        keyFileError = Bindings.createStringBinding(() -> {
            String k = keyFile.get().strip();
            return k.isEmpty() || Files.isReadable(Path.of(k)) && Files.isRegularFile(Path.of(k))
                    ? "" : messages.get("connection.error.keyFile", k);
        }, keyFile);
        customError = Bindings.createStringBinding(() -> customUri.get().isBlank() ? ""
                : LibvirtUri.problem(customUri.get()).orElse(""), customUri);
        // Built last: it reads the port's check.
        uri = Bindings.createStringBinding(this::buildUri, hypervisor, transport, mode, user, host, port, keyFile, customUri);
    }

    /** Fills the fields from an existing connection (its URI goes into the custom field, as typed). */
    public void load(String existingName, String existingUri, boolean existingAutoconnect) {
        name.set(existingName);
        customUri.set(existingUri);
        autoconnect.set(existingAutoconnect);
    }

    /** Fills the fields from an existing connection and the address other nodes use to reach it. */
    public void load(String existingName, String existingUri, boolean existingAutoconnect, String existingPeerAddress) {
        load(existingName, existingUri, existingAutoconnect);
        peerAddress.set(existingPeerAddress);
    }

    public StringBinding peerAddressError() {
        return peerAddressError;
    }

    private String buildUri() {
        if (!customUri.get().isBlank()) {
            return customUri.get().strip();
        }
        String t = transport.get();
        boolean local = t.equals("local");
        // libvirt's libssh transport asks its questions through the auth callback (our dialogs); plain ssh would need a tty.
        String libvirtTransport = local ? "" : t.equals("ssh") ? "libssh" : t;
        String path = switch (hypervisor.get()) {
            case "qemu" -> "/" + mode.get();
            case "test" -> "/default";
            default -> "/";
        };
        Map<String, String> query = new LinkedHashMap<>();
        if (t.equals("ssh")) {
            query.put("known_hosts", knownHostsFile);
            if (!keyFile.get().isBlank()) {
                query.put("keyfile", keyFile.get().strip());
            }
        }
        int portNumber = local || port.get().isBlank() || !portError.get().isEmpty() ? -1 : Integer.parseInt(port.get().strip());
        String hostName = local ? "" : host.get().strip();
        if (hostName.startsWith("[") && hostName.endsWith("]")) {
            hostName = hostName.substring(1, hostName.length() - 1);
        }
        try {
            return LibvirtUri.of(hypervisor.get(), libvirtTransport, local ? "" : user.get().strip(), hostName, portNumber, path, query)
                    .text();
        } catch (LibvirtUri.Invalid e) {
            return "";   // the field errors say why; OK stays disabled on an empty URI
        }
    }

    /** The name shown in the tree: as typed, or the host, or the URI. */
    public String effectiveName() {
        if (!name.get().isBlank()) {
            return name.get().strip();
        }
        return !host.get().isBlank() && customUri.get().isBlank() ? host.get().strip() : uri.get();
    }

    public boolean valid() {
        return hostError.get().isEmpty() && portError.get().isEmpty() && userError.get().isEmpty()
                && keyFileError.get().isEmpty() && customError.get().isEmpty() && peerAddressError.get().isEmpty() && !uri.get().isBlank();
    }

    public StringBinding uriBinding() {
        return uri;
    }

    StringBinding hostError() {
        return hostError;
    }

    StringBinding portError() {
        return portError;
    }

    StringBinding userError() {
        return userError;
    }

    StringBinding keyFileError() {
        return keyFileError;
    }

    StringBinding customError() {
        return customError;
    }
}
