package org.vireo.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.PrivateFiles;

/**
 * Decides whether a host key is trusted: known in ~/.ssh/known_hosts (read only) or in Vireo's
 * own known-hosts file (which "accept always" appends to); an unknown key is shown to the user
 * with its SHA-256 fingerprint; a changed key is refused, loudly, before anything is sent.
 */
final class HostKeyTrust implements HostKeyRepository {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyTrust.class);

    private final Path userKnownHosts;
    private final Path vireoKnownHosts;
    private final SshPrompts prompts;
    /** "host key" pairs accepted once, for this run only. */
    private final Set<String> acceptedOnce = ConcurrentHashMap.newKeySet();

    HostKeyTrust(Path userKnownHosts, Path vireoKnownHosts, SshPrompts prompts) {
        this.userKnownHosts = userKnownHosts;
        this.vireoKnownHosts = vireoKnownHosts;
        this.prompts = prompts;
    }

    @Override
    public int check(String host, byte[] key) {
        int user = checkFile(userKnownHosts, host, key);
        int vireo = checkFile(vireoKnownHosts, host, key);
        String type = keyType(key);
        String fingerprint = fingerprint(key);
        if (user == CHANGED || vireo == CHANGED) {
            LOG.warn("Host key of {} CHANGED (now {} {}): refused", host, type, fingerprint);
            prompts.changedHostKey(host, type, fingerprint);
            return CHANGED;
        }
        if (user == OK || vireo == OK || acceptedOnce.contains(host + " " + fingerprint)) {
            return OK;
        }
        SshPrompts.HostKeyAnswer answer = prompts.unknownHostKey(host, type, fingerprint);
        switch (answer) {
            case ACCEPT_ALWAYS -> {
                remember(host, type, key);
                return OK;
            }
            case ACCEPT_ONCE -> {
                acceptedOnce.add(host + " " + fingerprint);
                return OK;
            }
            default -> {
                return NOT_INCLUDED;
            }
        }
    }

    private static int checkFile(Path file, String host, byte[] key) {
        if (file == null || !Files.isReadable(file)) {
            return NOT_INCLUDED;
        }
        try {
            JSch reader = new JSch();
            reader.setKnownHosts(file.toString());
            return reader.getHostKeyRepository().check(host, key);
        } catch (JSchException e) {
            LOG.warn("Could not read {}: {}", file, e.getMessage());
            return NOT_INCLUDED;
        }
    }

    private void remember(String host, String type, byte[] key) {
        try {
            PrivateFiles.file(vireoKnownHosts);
            String line = host + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
            Files.writeString(vireoKnownHosts, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            LOG.info("Trusting the {} key of {} from now on ({})", type, host, vireoKnownHosts);
        } catch (IOException e) {
            LOG.warn("Could not remember the host key of {} in {}", host, vireoKnownHosts, e);
        }
    }

    /** OpenSSH's form: "SHA256:" and the unpadded Base64 of the key's SHA-256. */
    static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The key's algorithm name, the first string of its SSH wire form. */
    static String keyType(byte[] key) {
        if (key.length < 4) {
            return "unknown";
        }
        int length = ((key[0] & 0xff) << 24) | ((key[1] & 0xff) << 16) | ((key[2] & 0xff) << 8) | (key[3] & 0xff);
        return length > 0 && length < 64 && 4 + length <= key.length
                ? new String(key, 4, length, StandardCharsets.US_ASCII) : "unknown";
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Keys are added only through check() after the user said "accept always".
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return "vireo";
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return new HostKey[0];
    }
}
