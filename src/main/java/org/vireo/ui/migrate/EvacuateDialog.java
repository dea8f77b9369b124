package org.vireo.ui.migrate;

import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.ByteSize;
import org.vireo.model.NodeRef;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;

/** Node › Evacuate…: the plan (each running VM, where it goes or why it stays), how many at once, then the moves and a summary. */
public final class EvacuateDialog {

    private final EvacuateViewModel viewModel;
    private final Messages messages;

    public EvacuateDialog(EvacuateViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    public void show(Window owner) {
        Dialog<ButtonType> dialog = Dialogs.form(owner, messages.get("evacuate.title"),
                messages.get("evacuate.header", viewModel.source().name(), viewModel.rows().size()));
        dialog.getDialogPane().setId("evacuateDialog");
        GridPane plan = new GridPane();
        plan.setId("evacuatePlan");
        plan.setHgap(12);
        plan.setVgap(6);
        ColumnConstraints fixed = new ColumnConstraints();
        fixed.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints status = new ColumnConstraints();
        status.setHgrow(Priority.ALWAYS);
        status.setPrefWidth(320);
        plan.getColumnConstraints().setAll(fixed, fixed, fixed, status);
        plan.addRow(0, heading("evacuate.vm"), heading("evacuate.memory"), heading("evacuate.destination"), heading("evacuate.status"));
        int line = 1;
        for (EvacuateViewModel.Row row : viewModel.rows()) {
            ChoiceBox<String> destination = new ChoiceBox<>(row.choices());
            destination.setId("evacuateTo-" + row.vm().name());
            destination.setConverter(new DisplayConverter<>(viewModel::nodeName));
            destination.valueProperty().bindBidirectional(row.destinationProperty());
            destination.disableProperty().bind(viewModel.plannedProperty().not().or(viewModel.runningProperty())
                    .or(viewModel.finishedProperty()));
            destination.setAccessibleText(messages.get("evacuate.destination.accessible", row.vm().name()));
            Label state = new Label();
            state.setId("evacuateStatus-" + row.vm().name());
            state.setWrapText(true);
            state.setPrefWidth(320);
            state.setMinHeight(Region.USE_PREF_SIZE);
            state.textProperty().bind(row.statusProperty());
            Form.refitWhen(state, state.textProperty());
            plan.addRow(line++, new Label(row.vm().name()), new Label(new ByteSize(row.vm().memoryBytes()).toHuman()), destination, state);
        }
        ScrollPane scroll = new ScrollPane(plan);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(10, viewModel.rows().size() + 1) * 34.0);

        Spinner<Integer> atOnce = new Spinner<>(1, 8, 1);
        atOnce.setId("evacuateAtOnce");
        atOnce.setPrefWidth(80);
        atOnce.getValueFactory().valueProperty().addListener((obs, old, now) -> viewModel.atOnceProperty().set(now));
        atOnce.disableProperty().bind(viewModel.runningProperty().or(viewModel.finishedProperty()));
        Label atOnceLabel = new Label(messages.get("evacuate.atOnce"));
        atOnceLabel.setLabelFor(atOnce);
        HBox runRow = new HBox(8, atOnceLabel, atOnce);
        runRow.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(10, scroll, note(messages.get("evacuate.how")), runRow);
        if (!viewModel.inMaintenance().isEmpty()) {
            content.getChildren().add(note(messages.get("evacuate.skipped",
                    String.join(", ", viewModel.inMaintenance().stream().map(NodeRef::name).toList()))));
        }
        Label summary = note("");
        summary.setId("evacuateSummary");
        summary.textProperty().bind(viewModel.summaryProperty());
        Form.refitWhen(summary, summary.textProperty());
        content.getChildren().add(summary);
        dialog.getDialogPane().setContent(content);

        ButtonType start = new ButtonType(messages.get("evacuate.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CLOSE);
        Node ok = dialog.getDialogPane().lookupButton(start);
        ok.setId("evacuateStart");
        ok.disableProperty().bind(viewModel.canStartProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();   // stays open: each VM's line follows its move, the summary comes at the end
            viewModel.start();
        });
        viewModel.check();
        dialog.show();
    }

    private Label heading(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("column-heading");
        return label;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPrefWidth(640);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
