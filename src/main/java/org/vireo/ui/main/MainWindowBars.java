package org.vireo.ui.main;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.vireo.ui.common.Messages;

/** The main window's menu bar, tool bar, the table's context menu and the status bar, all from one {@link MainActions} table. */
final class MainWindowBars {

    private final MainActions actions;
    private final MainViewModel viewModel;
    private final Messages messages;

    MainWindowBars(MainActions actions, MainViewModel viewModel, Messages messages) {
        this.actions = actions;
        this.viewModel = viewModel;
        this.messages = messages;
    }

    MenuBar menuBar() {
        Map<String, String> ids = new LinkedHashMap<>();   // items whose id is not "menu-" + action
        ids.put("quit", null);
        ids.put("allVms", null);
        ids.put("preferences", "preferencesItem");
        ids.put("connect", null);
        ids.put("disconnect", null);
        ToggleGroup grouping = new ToggleGroup();
        RadioMenuItem byNode = radio("menu.view.byNode", "groupByNode", "Shortcut+Shift+N", grouping);
        byNode.setSelected(true);
        RadioMenuItem byTag = radio("menu.view.byTag", "groupByTag", "Shortcut+Shift+T", grouping);
        viewModel.groupByTagProperty().bind(byTag.selectedProperty());
        List<Object> vmEntries = new ArrayList<>(List.of("new", MainActions.SEPARATOR));
        vmEntries.addAll(VmActionsView.menuEntries());
        vmEntries.addAll(List.of(MainActions.SEPARATOR, "ssh", "console", "graphics", "viewer"));
        String sep = MainActions.SEPARATOR;
        MenuBar bar = new MenuBar(
                actions.menu(messages.get("menu.file"), "fileMenu", "menu-", ids, true, List.of("closeTab", sep, "quit")),
                actions.menu(messages.get("menu.view"), "viewMenu", "menu-", ids, true,
                        List.of("allVms", "find", sep, byNode, byTag, sep, "jobs", sep, "resetDemoLab", sep, "preferences")),
                actions.menu(messages.get("menu.vm"), "vmMenu", "menu-", ids, true, vmEntries),
                actions.menu(messages.get("menu.node"), "nodeMenu", "menu-", ids, true,
                        List.of("addConnection", "editConnection", "removeConnection", sep, "connect", "disconnect", sep, "evacuate",
                                "maintenance")),
                actions.menu(messages.get("menu.help"), "helpMenu", "menu-", ids, true, List.of("about")));
        bar.setId("menuBar");
        return bar;
    }

    /** The tool bar, with the search at its right outside it: an overflowing tool bar must never hide the search. */
    HBox toolRow() {
        ToolBar toolBar = new ToolBar(actions.button("new", "newVmButton"), new Separator());
        VmActionsView.TOOLBAR.forEach(action -> toolBar.getItems().add(actions.button(action.id(), "button-" + action.id())));
        toolBar.getItems().addAll(new Separator(), actions.button("connect", "connectButton"),
                actions.button("disconnect", "disconnectButton"));
        HBox search = new HBox(6, SearchBox.stateFilter(viewModel, messages), SearchBox.filterField(viewModel, messages));
        search.setAlignment(Pos.CENTER_RIGHT);
        search.setPadding(new Insets(0, 6, 0, 6));
        search.getStyleClass().add("tool-bar");
        HBox.setHgrow(toolBar, Priority.ALWAYS);
        return new HBox(toolBar, search);
    }

    /** The VM table's context menu: the VM actions without shortcuts, then the ways to reach a VM. */
    ContextMenu contextMenu() {
        ContextMenu context = new ContextMenu();
        for (Object entry : VmActionsView.menuEntries()) {
            context.getItems().add(MainActions.SEPARATOR.equals(entry) ? new SeparatorMenuItem()
                    : actions.menuItem((String) entry, "menu-" + entry, false));
        }
        context.getItems().addAll(new SeparatorMenuItem(), actions.menuItem("ssh", "context-ssh", false),
                actions.menuItem("console", "context-console", false), actions.menuItem("graphics", "context-graphics", false),
                actions.menuItem("viewer", "context-viewer", false));
        return context;
    }

    private static final int SUMMARY_SECONDS = 8;
    private static final int FAILURE_SUMMARY_SECONDS = 30;

    HBox statusBar(ActionsViewModel bulk, VmActionsView actionsView) {
        Label status = new Label();
        status.setId("statusBar");
        status.textProperty().bind(viewModel.statusTextProperty());
        Label actionSummary = new Label();
        actionSummary.setId("actionSummary");
        actionSummary.textProperty().bind(Bindings.createStringBinding(
                () -> actionsView.summary(bulk.lastResultProperty().get()), bulk.lastResultProperty()));
        // A summary is news for a while: it goes after some seconds (a failure stays longer, to be read).
        PauseTransition fade = new PauseTransition();
        fade.setOnFinished(e -> bulk.lastResultProperty().set(null));
        bulk.lastResultProperty().addListener((obs, old, now) -> {
            fade.stop();
            if (now != null) {
                fade.setDuration(Duration.seconds(now.failures().isEmpty() ? SUMMARY_SECONDS : FAILURE_SUMMARY_SECONDS));
                fade.playFromStart();
            }
        });
        ProgressBar progress = new ProgressBar();
        progress.setId("actionProgress");
        progress.progressProperty().bind(bulk.progressProperty());
        progress.visibleProperty().bind(bulk.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox statusBar = new HBox(status, progress, actionSummary);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");
        return statusBar;
    }

    private RadioMenuItem radio(String labelKey, String id, String shortcut, ToggleGroup group) {
        RadioMenuItem item = new RadioMenuItem(messages.get(labelKey));
        item.setId(id);
        item.setToggleGroup(group);
        item.setAccelerator(KeyCombination.keyCombination(shortcut));
        return item;
    }
}
