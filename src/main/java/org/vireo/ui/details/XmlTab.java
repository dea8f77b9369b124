package org.vireo.ui.details;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.vireo.ui.common.Messages;

/**
 * The XML tab: RichTextFX code areas with line numbers and XML colouring — the saved definition, editable
 * when Preferences allow, and beside it the running one while the VM runs — with Apply, Revert and Copy.
 */
final class XmlTab {

    private static final Pattern XML = Pattern.compile(
            "(?<comment><!--[\\s\\S]*?-->)|(?<tag></?[\\w:.-]+|/?>|\\?>|<\\?[\\w:.-]+)|(?<attribute>[\\w:.-]+)(?==)|(?<value>'[^']*'|\"[^\"]*\")");

    private final XmlViewModel viewModel;
    private final Messages messages;
    private final CodeArea saved = new CodeArea();
    private final CodeArea live = new CodeArea();

    XmlTab(XmlViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    Node root() {
        saved.setId("xmlEditor");
        saved.setAccessibleText(messages.get("xml.saved.accessible"));
        live.setId("xmlLive");
        live.setAccessibleText(messages.get("xml.live.accessible"));
        live.setEditable(false);
        for (CodeArea area : new CodeArea[] {saved, live}) {
            area.getStyleClass().add("xml-area");
            area.setParagraphGraphicFactory(LineNumberFactory.get(area));
            // Colouring follows the text a moment after typing stops, not at every key.
            area.multiPlainChanges().successionEnds(Duration.ofMillis(80))
                    .subscribe(ignore -> area.setStyleSpans(0, highlight(area.getText())));
        }
        saved.editableProperty().bind(viewModel.editingAllowedProperty().and(viewModel.busyProperty().not())
                .and(viewModel.transientProperty().not()));
        viewModel.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(saved.getText())) {
                replace(saved, now);
            }
        });
        saved.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(viewModel.textProperty().get())) {
                viewModel.textProperty().set(now);
            }
        });
        viewModel.liveProperty().addListener((obs, old, now) -> replace(live, now));
        replace(saved, viewModel.textProperty().get());
        replace(live, viewModel.liveProperty().get());

        Label savedTitle = new Label();
        savedTitle.setId("xmlSavedTitle");
        savedTitle.textProperty().bind(Bindings.createStringBinding(() -> messages.get(viewModel.transientProperty().get()
                ? "xml.transient.title" : viewModel.liveProperty().get().isEmpty() ? "xml.saved.title" : "xml.saved.titleRunning"),
                viewModel.liveProperty(), viewModel.transientProperty()));
        VBox savedBox = new VBox(4, savedTitle, scroll(saved));
        Label liveTitle = new Label(messages.get("xml.live.title"));
        VBox liveBox = new VBox(4, liveTitle, scroll(live));
        SplitPane panes = new SplitPane(savedBox);
        viewModel.liveProperty().addListener((obs, old, now) -> showLive(panes, liveBox, !now.isEmpty() && !viewModel.transientProperty().get()));
        viewModel.transientProperty().addListener((obs, old, now) -> showLive(panes, liveBox,
                !viewModel.liveProperty().get().isEmpty() && !now));
        showLive(panes, liveBox, !viewModel.liveProperty().get().isEmpty() && !viewModel.transientProperty().get());

        Label readOnly = note("xmlReadOnly");
        readOnly.setText(messages.get("xml.readOnly"));
        readOnly.visibleProperty().bind(viewModel.editingAllowedProperty().not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        Label problem = note("xmlProblem");
        problem.getStyleClass().add("field-error-text");
        problem.textProperty().bind(Bindings.createStringBinding(() -> viewModel.problemProperty().get()
                .map(p -> p.line() > 0 ? messages.get("xml.atLine", p.line(), p.message()) : p.message()).orElse(""),
                viewModel.problemProperty()));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label outcome = note("xmlMessage");
        outcome.textProperty().bind(Bindings.createStringBinding(() -> viewModel.messageLineProperty().get() > 0
                ? messages.get("xml.atLine", viewModel.messageLineProperty().get(), viewModel.messageProperty().get())
                : viewModel.messageProperty().get(), viewModel.messageProperty(), viewModel.messageLineProperty()));
        outcome.visibleProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        // The line a refusal points to is shown: the caret goes there and the line is selected.
        viewModel.messageLineProperty().addListener((obs, old, now) -> goToLine(now.intValue()));

        Button apply = new Button(messages.get("settings.apply"));
        apply.setId("applyXml");
        apply.disableProperty().bind(viewModel.canApply().not());
        apply.setOnAction(e -> viewModel.apply());
        Button revert = new Button(messages.get("settings.revert"));
        revert.setId("revertXml");
        revert.disableProperty().bind(viewModel.dirtyProperty().not().or(viewModel.busyProperty()));
        revert.setOnAction(e -> viewModel.revert());
        Button copy = new Button(messages.get("details.copyXml"));
        copy.setId("copyXml");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(saved.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox buttons = new HBox(8, apply, revert, copy);
        VBox bottom = new VBox(6, problem, outcome, buttons);
        BorderPane pane = new BorderPane(panes);
        pane.setTop(readOnly);
        pane.setBottom(bottom);
        BorderPane.setMargin(readOnly, new Insets(0, 0, 6, 0));
        BorderPane.setMargin(bottom, new Insets(6, 0, 0, 0));
        pane.setPadding(new Insets(8));
        return pane;
    }

    private static void showLive(SplitPane panes, Node liveBox, boolean running) {
        if (running && !panes.getItems().contains(liveBox)) {
            panes.getItems().add(0, liveBox);
            panes.setDividerPositions(0.5);
        } else if (!running) {
            panes.getItems().remove(liveBox);
        }
    }

    private void goToLine(int line) {
        if (line < 1 || line > saved.getParagraphs().size()) {
            return;
        }
        saved.moveTo(line - 1, 0);
        saved.selectLine();
        saved.requestFollowCaret();
        saved.requestFocus();
    }

    private static Node scroll(CodeArea area) {
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private static void replace(CodeArea area, String text) {
        area.replaceText(text == null ? "" : text);
        area.setStyleSpans(0, highlight(area.getText()));
        area.moveTo(0);
        area.requestFollowCaret();
    }

    private static Label note(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** Tags, attribute names, values and comments, each with a style class of the theme. */
    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher m = XML.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("comment") != null ? "xml-comment" : m.group("tag") != null ? "xml-tag"
                    : m.group("attribute") != null ? "xml-attribute" : "xml-value";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
