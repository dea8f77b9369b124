package org.vireo.ui.login;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.service.CredentialPrompts;
import org.vireo.ssh.SshPrompts;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/**
 * Answers SSH's questions with dialogs. Called on a login thread, which waits; the dialog runs
 * on the FX thread. Passwords are handed over as char arrays and never kept.
 */
public final class DialogSshPrompts implements SshPrompts, CredentialPrompts {

    private final Messages messages;
    private final Supplier<Window> owner;
    private final ServiceCalls calls = ServiceCalls.on(null);

    public DialogSshPrompts(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public SshPrompts.HostKeyAnswer unknownHostKey(String host, String keyType, String fingerprint) {
        return switch (askAboutHostKey(host, messages.get("ssh.hostkey.text", host, keyType, fingerprint))) {
            case ACCEPT_ALWAYS -> SshPrompts.HostKeyAnswer.ACCEPT_ALWAYS;
            case ACCEPT_ONCE -> SshPrompts.HostKeyAnswer.ACCEPT_ONCE;
            case REFUSE -> SshPrompts.HostKeyAnswer.REFUSE;
        };
    }

    @Override
    public void changedHostKey(String host, String keyType, String fingerprint) {
        calls.post(() -> {
            Label text = Dialogs.wrapped(messages.get("ssh.hostkey.changed.text", host, keyType, fingerprint));
            text.setId("hostKeyChangedText");
            Alert alert = Dialogs.alert(owner.get(), Alert.AlertType.ERROR, messages.get("ssh.hostkey.changed.title"),
                    messages.get("ssh.hostkey.changed.header", host), text);
            alert.show();
        });
    }

    @Override
    public Optional<String> ask(String node, Kind kind, String prompt, String defaultAnswer) {
        if (kind == Kind.PASSWORD || kind == Kind.PASSPHRASE) {
            return secret(kind == Kind.PASSWORD ? "ssh.password.title" : "ssh.passphrase.title",
                    messages.get("connection.auth.header", node, prompt)).map(String::new);
        }
        return onFx(() -> {
            TextInputDialog dialog = new TextInputDialog(defaultAnswer);
            dialog.initOwner(owner.get());   // a text input of its own kind: Dialogs.form would rebuild what it has
            Dialogs.keepOver(dialog, owner.get());
            dialog.setTitle(messages.get("connection.auth.title"));
            dialog.setHeaderText(messages.get("connection.auth.header", node, prompt));
            dialog.getEditor().setId("authAnswer");
            return dialog.showAndWait();
        });
    }

    @Override
    public CredentialPrompts.HostKeyAnswer acceptHostKey(String node, String host, String fingerprint) {
        return askAboutHostKey(host, messages.get("connection.hostkey.text", node, fingerprint));
    }

    /** The unknown-host-key question, for SSH tabs (JSch) and for connections (libvirt's libssh) alike. */
    private CredentialPrompts.HostKeyAnswer askAboutHostKey(String host, String explanation) {
        return onFx(() -> {
            Label text = Dialogs.wrapped(explanation);
            text.setId("hostKeyText");
            Alert alert = Dialogs.alert(owner.get(), Alert.AlertType.CONFIRMATION, messages.get("ssh.hostkey.title"),
                    messages.get("ssh.hostkey.header", host), text);
            ButtonType once = new ButtonType(messages.get("ssh.hostkey.once"), ButtonBar.ButtonData.OTHER);
            ButtonType always = new ButtonType(messages.get("ssh.hostkey.always"), ButtonBar.ButtonData.OK_DONE);
            alert.getButtonTypes().setAll(once, always, ButtonType.CANCEL);
            return alert.showAndWait().map(b -> b == always ? CredentialPrompts.HostKeyAnswer.ACCEPT_ALWAYS
                    : b == once ? CredentialPrompts.HostKeyAnswer.ACCEPT_ONCE : CredentialPrompts.HostKeyAnswer.REFUSE)
                    .orElse(CredentialPrompts.HostKeyAnswer.REFUSE);
        });
    }

    @Override
    public Optional<char[]> password(String target) {
        return secret("ssh.password.title", messages.get("ssh.password.header", target));
    }

    @Override
    public Optional<char[]> passphrase(String keyFile) {
        return secret("ssh.passphrase.title", messages.get("ssh.passphrase.header", keyFile));
    }

    private Optional<char[]> secret(String titleKey, String header) {
        return onFx(() -> {
            Dialog<ButtonType> dialog = Dialogs.form(owner.get(), messages.get(titleKey), header);
            PasswordField field = new PasswordField();
            field.setId("sshSecret");
            field.setAccessibleText(header);
            dialog.getDialogPane().setContent(new VBox(field));
            dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
            dialog.setOnShown(e -> field.requestFocus());
            Optional<ButtonType> answer = dialog.showAndWait();
            char[] value = field.getText().toCharArray();
            field.clear();
            return answer.filter(b -> b == ButtonType.OK).map(b -> value);
        });
    }

    private <T> T onFx(Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        calls.post(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the user", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
