package org.vireo.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;

/** The New VM wizard as a user sees it: its fields by name, the message under each, its buttons and outcome. */
public final class WizardPage {

    private final FxRobot robot;

    public WizardPage(FxRobot robot) {
        this.robot = robot;
    }

    /** A text field of the wizard ({@code name}, {@code vcpus}, {@code memory}, {@code diskSize}, {@code kernel} …). */
    public TextField field(String name) {
        return robot.lookup("#wizard-" + name).queryAs(TextField.class);
    }

    /** Types into a field as a user would set it (on the FX thread). */
    public WizardPage set(String name, String text) {
        robot.interact(() -> field(name).setText(text));
        return this;
    }

    @SuppressWarnings("unchecked")
    public ChoiceBox<String> choice(String name) {
        return robot.lookup("#wizard-" + name).queryAs(ChoiceBox.class);
    }

    public WizardPage choose(String name, String value) {
        robot.interact(() -> choice(name).setValue(value));
        return this;
    }

    /** Picks {@code value} in an editable list (pool, network). */
    @SuppressWarnings("unchecked")
    public WizardPage pick(String name, String value) {
        robot.interact(() -> robot.lookup("#wizard-" + name).queryAs(ComboBox.class).setValue(value));
        return this;
    }

    public WizardPage tick(String name, boolean ticked) {
        robot.interact(() -> robot.lookup("#wizard-" + name).queryAs(CheckBox.class).setSelected(ticked));
        return this;
    }

    /** The message under a field ({@code NAME}, {@code MEMORY} …), or empty. */
    public String error(String field) {
        return MainWindowPage.onFx(() -> {
            var labels = robot.lookup("#error-" + field).queryAllAs(Label.class);
            return labels.isEmpty() ? "" : labels.iterator().next().getText();
        });
    }

    public boolean nextDisabled() {
        return MainWindowPage.onFx(() -> robot.lookup("#wizardNext").query().isDisabled());
    }

    public WizardPage next() {
        robot.clickOn("#wizardNext");
        return this;
    }

    public WizardPage back() {
        robot.clickOn("#wizardBack");
        return this;
    }

    public WizardPage create() {
        robot.clickOn("#wizardCreate");
        return this;
    }

    public void close() {
        robot.clickOn("#wizardClose");
    }

    /** The domain XML the summary page previews. */
    public String xml() {
        return MainWindowPage.onFx(() -> robot.lookup("#wizard-xml").queryAs(TextArea.class).getText());
    }

    /** What the wizard says after Create: created, or the failure and what was rolled back. */
    public String outcome() {
        return MainWindowPage.onFx(() -> robot.lookup("#wizard-outcome").queryAs(Label.class).getText());
    }
}
