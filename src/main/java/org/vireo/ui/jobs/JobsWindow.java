package org.vireo.ui.jobs;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.Messages;

/** The Jobs window: one per app, over the main window, shown and hidden from the View menu and the status bar. */
public final class JobsWindow {

    private final JobsViewModel viewModel;
    private final Messages messages;
    private Stage stage;

    public JobsWindow(JobsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    /** Shows it (made the first time), or hides it when it shows. */
    public void toggle(Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.hide();
            return;
        }
        show(owner);
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle(messages.get("jobs.title"));
            stage.setScene(new Scene(content(), 620, 320));
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            Dialogs.keepOver(stage, owner);
        }
        stage.show();
        stage.toFront();
    }

    private BorderPane content() {
        ListView<JobsViewModel.Job> list = new ListView<>(viewModel.jobs());
        list.setId("jobList");
        list.setAccessibleText(messages.get("jobs.title"));
        list.setPlaceholder(new Label(messages.get("jobs.none")));
        list.setCellFactory(l -> new JobCell());
        Button clear = new Button(messages.get("jobs.clear"));
        clear.setId("clearJobs");
        clear.setOnAction(e -> viewModel.clearFinished());
        clear.disableProperty().bind(Bindings.size(viewModel.jobs()).isEqualTo(viewModel.runningProperty()));
        HBox bar = new HBox(8, clear);
        bar.setPadding(new Insets(6));
        BorderPane pane = new BorderPane(list);
        pane.setBottom(bar);
        pane.setId("jobsPane");
        return pane;
    }

    /** A job: its title, a bar, what it is doing or how it ended, and Cancel while it runs. */
    private final class JobCell extends ListCell<JobsViewModel.Job> {
        private final Label title = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label status = new Label();
        private final Button cancel = new Button(messages.get("jobs.cancel"));
        private final VBox box;

        JobCell() {
            status.setWrapText(true);
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            HBox row = new HBox(8, bar, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, title, row, status);
            cancel.getStyleClass().add("job-cancel");
        }

        @Override
        protected void updateItem(JobsViewModel.Job job, boolean empty) {
            super.updateItem(job, empty);
            title.textProperty().unbind();
            bar.progressProperty().unbind();
            status.textProperty().unbind();
            cancel.visibleProperty().unbind();
            if (empty || job == null) {
                setGraphic(null);
                return;
            }
            title.setText(job.title());
            bar.progressProperty().bind(job.progressProperty());
            status.textProperty().bind(job.statusProperty());
            cancel.visibleProperty().bind(job.runningProperty().and(new SimpleBooleanProperty(job.cancellable())));
            cancel.setAccessibleText(messages.get("jobs.cancelOne", job.title()));
            cancel.setOnAction(e -> job.cancel());
            setGraphic(box);
        }
    }
}
