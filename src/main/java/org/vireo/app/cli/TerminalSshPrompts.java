package org.vireo.app.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.vireo.model.Texts;
import org.vireo.ssh.SshPrompts;

/**
 * The SSH questions of the command line ({@code --list} over SSH nodes), asked on the terminal as
 * ssh asks them: a new host key with its fingerprint, a password or passphrase without echo. Without
 * a terminal (a script, a pipe) nothing can be asked: an unknown key is refused and says how to trust it.
 */
public final class TerminalSshPrompts implements SshPrompts {

    private final Console console;
    private final PrintStream err;

    TerminalSshPrompts(Console console, PrintStream err) {
        this.console = console;
        this.err = err;
    }

    @Override
    public synchronized HostKeyAnswer unknownHostKey(String host, String keyType, String sha256Fingerprint) {
        if (console == null) {
            err.println(Texts.get("cli.ssh.unknownKeyNoTerminal", host, keyType, sha256Fingerprint));
            return HostKeyAnswer.REFUSE;
        }
        String answer = console.readLine(Texts.get("cli.ssh.unknownKeyQuestion", host, keyType, sha256Fingerprint));
        String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("yes") || a.equals("y") ? HostKeyAnswer.ACCEPT_ALWAYS
                : a.equals("once") ? HostKeyAnswer.ACCEPT_ONCE : HostKeyAnswer.REFUSE;
    }

    @Override
    public synchronized void changedHostKey(String host, String keyType, String sha256Fingerprint) {
        err.println(Texts.get("cli.ssh.changedKey", host, keyType, sha256Fingerprint));
    }

    @Override
    public synchronized Optional<char[]> password(String target) {
        return console == null ? Optional.empty()
                : Optional.ofNullable(console.readPassword("%s", Texts.get("cli.ssh.password", target)));
    }

    @Override
    public synchronized Optional<char[]> passphrase(String keyFile) {
        return console == null ? Optional.empty()
                : Optional.ofNullable(console.readPassword("%s", Texts.get("cli.ssh.passphrase", keyFile)));
    }
}
