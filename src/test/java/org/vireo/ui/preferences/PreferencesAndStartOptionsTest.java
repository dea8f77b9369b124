package org.vireo.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.vireo.model.VmSummary;
import org.vireo.ui.MainWindowPage;
import org.vireo.ui.RunningApp;

/**
 * Preferences saved in SQLite and honoured at the next start (dark theme everywhere, the node the
 * window opens on, the terminal font size), the start options --show-vm and --show-console, and
 * the About dialog's licences.
 */
class PreferencesAndStartOptionsTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private String chosenFont;
    private final MainWindowPage page = new MainWindowPage(robot);

    @Test
    void darkThemeDefaultNodeAndStartOptions() throws Exception {
        try (RunningApp app = RunningApp.start(home, "--show-vm", "pihole")) {
            page.waitUntil("--show-vm selects pihole", 30, () -> MainWindowPage.onFx(() -> {
                VmSummary selected = page.table().getSelectionModel().getSelectedItem();
                return selected != null && selected.name().equals("pihole");
            }));
            assertFalse(darkRows(), "light at first");

            page.chooseFromMenu("#viewMenu", "#preferencesItem");
            page.dialog();
            robot.interact(() -> {
                robot.lookup("#prefsTheme").queryAs(ChoiceBox.class).setValue("dark");
                @SuppressWarnings("unchecked")
                ChoiceBox<String> node = robot.lookup("#prefsDefaultNode").queryAs(ChoiceBox.class);
                node.setValue(node.getItems().stream().filter(id -> node.getConverter().toString(id).equals("Edge box (demo)"))
                        .findFirst().orElseThrow());
                robot.lookup("#prefsTerminalFontSize").queryAs(Spinner.class).getValueFactory().setValue(18);
            });
            // Only monospaced families are offered (CI installs Noto Mono beside DejaVu Sans Mono); measured off
            // the FX thread, they fill in after the dialog shows.
            page.waitUntil("the font families are measured", 10, () -> MainWindowPage.onFx(
                    () -> robot.lookup("#prefsTerminalFont").queryAs(ComboBox.class).getItems().size() >= 2));
            @SuppressWarnings("unchecked")
            List<String> fonts = MainWindowPage.onFx(() -> List.copyOf(
                    robot.lookup("#prefsTerminalFont").queryAs(ComboBox.class).getItems()));
            assertTrue(fonts.contains("DejaVu Sans Mono") && fonts.size() >= 2 && !fonts.contains("DejaVu Sans"), fonts.toString());
            chosenFont = fonts.stream().filter(f -> !f.equals("DejaVu Sans Mono")).findFirst().orElseThrow();
            robot.interact(() -> robot.lookup("#prefsTerminalFont").queryAs(ComboBox.class).setValue(chosenFont));
            robot.clickOn("OK");
            page.waitUntil("the window turns dark at once", 5, this::darkRows);
        }

        try (RunningApp app = RunningApp.start(home)) {
            page.waitUntil("the demo lab connects", 30, () -> page.statusBar().startsWith("3 nodes (3 connected)"));
            assertTrue(darkRows(), "dark from the start");
            page.waitUntil("the window opens on the preferred node", 5, () -> MainWindowPage.onFx(() ->
                    app.app().viewModel().scopeProperty().get() != null
                            && app.app().viewModel().scopeProperty().get().ref().name().equals("Edge box (demo)")
                            && page.table().getItems().size() == 7));

            // The About dialog, dark too, with the licences of what Vireo bundles.
            page.chooseFromMenu("#helpMenu", "#menu-about");
            page.waitUntil("About shows the licences", 5, () -> !robot.lookup("#aboutLicences").queryAll().isEmpty());
            String licences = MainWindowPage.onFx(() -> robot.lookup("#aboutLicences").queryAs(TextArea.class).getText());
            // The JavaFX version the app runs on, not the one the text was written for.
            String javafx = "OpenJFX " + System.getProperty("javafx.runtime.version").split("[.+-]")[0] + " (JavaFX)";
            assertTrue(licences.contains(javafx) && licences.contains("libvirt-java 0.5.4") && licences.contains("RichTextFX"), licences);
            assertTrue(MainWindowPage.onFx(() -> luminance(((Region) robot.lookup(".dialog-pane").query()).getBackground()
                    .getFills().get(0).getFill())) < 0.3, "the dialog is dark");
            robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != page.table().getScene().getWindow())
                    .forEach(w -> ((Stage) w).close()));
        }

        try (RunningApp app = RunningApp.start(home, "--show-console", "edge-gw-01")) {
            page.waitUntil("--show-console opens the console tab", 30, () -> MainWindowPage.onFx(() ->
                    app.app().view().terminals().openTabs().size() == 1));
            assertTrue(MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().get(0).tab().getText()).endsWith("console edge-gw-01"));
            assertEquals(18f, MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().get(0).fontSize()), 0.01);
            assertEquals(chosenFont, MainWindowPage.onFx(() -> app.app().view().terminals().openTabs().get(0).fontFamily()));
        }
    }

    private boolean darkRows() {
        return MainWindowPage.onFx(() -> robot.lookup(".table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getBackground() != null && !r.getBackground().getFills().isEmpty())
                .findFirst().map(r -> luminance(r.getBackground().getFills().get(0).getFill()) < 0.3).orElse(false));
    }

    private static double luminance(Paint paint) {
        Color c = (Color) paint;
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
