package org.vireo.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.ConnectAuth;
import org.slf4j.LoggerFactory;
import org.vireo.service.CredentialPrompts;

/**
 * libvirt's authentication callback, answered through Vireo's dialogs instead of a terminal or
 * an askpass helper. The libssh transport's host-key question arrives as a plain prompt; it is
 * recognised and shown as a host-key decision with its SHA-256 fingerprint.
 */
final class PromptingAuth extends ConnectAuth {

    private static final Pattern HOST_KEY = Pattern.compile(
            "Accept SSH host key with hash '([^']+)' for host '([^']+)'.*", Pattern.DOTALL);

    private final String node;
    private final CredentialPrompts prompts;
    private final Path knownHosts;
    /** Size of the known_hosts file before a key accepted "once" was appended to it; -1 when none. */
    private long sizeBeforeOnce = -1;

    /** @param uri the connection's URI: its {@code known_hosts} parameter names the file libvirt writes */
    PromptingAuth(String node, String uri, CredentialPrompts prompts) {
        this.node = node;
        this.prompts = prompts;
        this.knownHosts = knownHostsOf(uri);
        credType = new CredentialType[] {CredentialType.VIR_CRED_USERNAME, CredentialType.VIR_CRED_AUTHNAME,
                CredentialType.VIR_CRED_PASSPHRASE, CredentialType.VIR_CRED_ECHOPROMPT, CredentialType.VIR_CRED_NOECHOPROMPT};
    }

    /** After the connect: a key accepted only once leaves the known_hosts file again. */
    void forgetKeysAcceptedOnce() {
        if (sizeBeforeOnce < 0) {
            return;
        }
        try (FileChannel file = FileChannel.open(knownHosts,
                StandardOpenOption.WRITE)) {
            file.truncate(sizeBeforeOnce);
        } catch (IOException e) {
            LoggerFactory.getLogger(PromptingAuth.class).warn("Could not forget the host key accepted once in {}",
                    knownHosts, e);
        }
        sizeBeforeOnce = -1;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The {@code known_hosts} parameter of an SSH URI, or null (libssh's default, ~/.ssh/known_hosts, is never edited). */
    static Path knownHostsOf(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String parameter : uri.substring(query + 1).split("&")) {
            if (parameter.startsWith("known_hosts=")) {
                return Path.of(URLDecoder.decode(parameter.substring(12), StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    /**
     * libvirt shows the key's SHA-256 as colon-separated hex; users compare fingerprints in
     * OpenSSH's form (ssh-keygen -lf): "SHA256:" and unpadded Base64.
     */
    static String openSshFingerprint(String hexHash) {
        String hex = hexHash.replace(":", "");
        if (hex.length() != 64 || !hex.matches("[0-9a-fA-F]+")) {
            return hexHash;
        }
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hex));
    }

    // struct _virConnectCredential on LP64: int type; (pad); char *prompt, *challenge, *defresult, *result; unsigned resultlen
    private static final long RESULT_OFFSET = 32;
    private static final long RESULT_LENGTH_OFFSET = 40;
    private static final long CREDENTIAL_SIZE = 48;

    /**
     * libvirt-java 0.5.4 writes each answer through a Java String field of its JNA structure,
     * i.e. into memory JNA owns and frees later, while libvirt frees {@code cred->result} itself:
     * a double free that corrupted the JVM's heap after a refused connection. Here the answers
     * go into memory from libc's malloc, owned by libvirt, and JNA never writes the structure back.
     */
    @Override
    public int authCallback(org.libvirt.jna.virConnectCredential cred, int ncred, Pointer cbdata) {
        cred.setAutoWrite(false);
        Pointer base = cred.getPointer();
        String[] answers = new String[ncred];
        for (int i = 0; i < ncred; i++) {
            Pointer at = base.share(i * CREDENTIAL_SIZE);
            Optional<String> answer = answer(CredentialType.mapFromInt(at.getInt(0)), string(at, 8), string(at, 24));
            if (answer.isEmpty()) {
                return -1;   // cancelled: libvirt reports the failed authentication
            }
            answers[i] = answer.get();
        }
        for (int i = 0; i < ncred; i++) {
            String result = answers[i];
            byte[] bytes = result.getBytes(StandardCharsets.UTF_8);
            long memory = Native.malloc(bytes.length + 1L);
            if (memory == 0) {
                return -1;
            }
            Pointer answer = new Pointer(memory);
            answer.write(0, bytes, 0, bytes.length);
            answer.setByte(bytes.length, (byte) 0);
            Pointer at = base.share(i * CREDENTIAL_SIZE);
            at.setPointer(RESULT_OFFSET, answer);
            at.setInt(RESULT_LENGTH_OFFSET, bytes.length);
        }
        return 0;
    }

    private static String string(Pointer credential, long offset) {
        Pointer text = credential.getPointer(offset);
        return text == null ? null : text.getString(0, "UTF-8");
    }

    /** Not called: {@link #authCallback} answers directly (see there why). */
    @Override
    public int callback(Credential[] credentials) {
        for (Credential credential : credentials) {
            Optional<String> answer = answer(credential.type, credential.prompt, credential.defresult);
            if (answer.isEmpty()) {
                return -1;
            }
            credential.result = answer.get();
        }
        return 0;
    }

    private Optional<String> answer(CredentialType type, String rawPrompt, String defaultAnswer) {
        String prompt = rawPrompt == null ? "" : rawPrompt;
        Matcher hostKey = HOST_KEY.matcher(prompt);
        if (type == CredentialType.VIR_CRED_ECHOPROMPT && hostKey.matches()) {
            CredentialPrompts.HostKeyAnswer decision = prompts.acceptHostKey(node, hostKey.group(2),
                    openSshFingerprint(hostKey.group(1)));
            if (decision == CredentialPrompts.HostKeyAnswer.ACCEPT_ONCE && knownHosts != null) {
                sizeBeforeOnce = size(knownHosts);   // libvirt appends the key on "y"; it is taken out again after the connect
            }
            return Optional.of(decision == CredentialPrompts.HostKeyAnswer.REFUSE ? "n" : "y");
        }
        CredentialPrompts.Kind kind = switch (type) {
            case VIR_CRED_USERNAME, VIR_CRED_AUTHNAME -> CredentialPrompts.Kind.USER_NAME;
            case VIR_CRED_PASSPHRASE -> CredentialPrompts.Kind.PASSPHRASE;
            case VIR_CRED_NOECHOPROMPT -> CredentialPrompts.Kind.PASSWORD;
            default -> CredentialPrompts.Kind.QUESTION;
        };
        return prompts.ask(node, kind, prompt, defaultAnswer == null ? "" : defaultAnswer);
    }
}
