package org.vireo.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.ServiceCalls;

/** Help › About: the version and where Vireo keeps its files, and the licences of what it is built from. */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner, Messages messages, String aboutText, ServiceCalls calls) {
        Alert alert = Dialogs.alert(owner, Alert.AlertType.INFORMATION, messages.get("about.title"), null, aboutText);
        TextArea licences = new TextArea();
        licences.setId("aboutLicences");
        licences.setEditable(false);
        licences.setAccessibleText(messages.get("about.licences"));
        licences.getStyleClass().add("monospace");
        licences.setPrefRowCount(18);
        licences.setPrefColumnCount(72);
        // Read from the jar off the FX thread; the dialog shows at once and the text follows.
        calls.local(AboutDialog::licencesText).onSuccess(licences::setText).start();
        alert.setResizable(true);
        alert.getDialogPane().setExpandableContent(licences);
        alert.getDialogPane().setExpanded(true);
        alert.show();
    }

    private static String licencesText() {
        try (InputStream in = AboutDialog.class.getResourceAsStream("/org/vireo/ui/licenses.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
