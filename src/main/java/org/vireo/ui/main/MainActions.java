package org.vireo.ui.main;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * One table of the main window's actions — label, shortcut, when it is disabled and what it does —
 * from which the menu bar, the tool bar and the table's context menu are all built, so the three
 * can never disagree about a label, a shortcut or an enable rule.
 */
final class MainActions {

    /** One action; {@code shortcut} may be null, {@code disabled} null for always enabled. */
    record Action(String id, String label, String shortcut, ObservableBooleanValue disabled, Runnable handler) {
    }

    /** Stands between groups in a menu built by {@link #menu}. */
    static final String SEPARATOR = "-";

    private final Map<String, Action> actions = new LinkedHashMap<>();

    void add(String id, String label, String shortcut, ObservableBooleanValue disabled, Runnable handler) {
        if (actions.put(id, new Action(id, label, shortcut, disabled, handler)) != null) {
            throw new IllegalArgumentException("action defined twice: " + id);
        }
    }

    Action get(String id) {
        Action action = actions.get(id);
        if (action == null) {
            throw new IllegalArgumentException("no such action: " + id);
        }
        return action;
    }

    /** A fresh menu item for the action (a MenuItem can sit in one menu only); with its shortcut where asked. */
    MenuItem menuItem(String actionId, String nodeId, boolean withShortcut) {
        Action action = get(actionId);
        MenuItem item = new MenuItem(action.label());
        item.setId(nodeId);
        if (withShortcut && action.shortcut() != null) {
            item.setAccelerator(KeyCombination.keyCombination(action.shortcut()));
        }
        if (action.disabled() != null) {
            item.disableProperty().bind(action.disabled());
        }
        item.setOnAction(e -> action.handler().run());
        return item;
    }

    /** A tool-bar button for the action: its label without the mnemonic mark. */
    Button button(String actionId, String nodeId) {
        Action action = get(actionId);
        Button button = new Button(action.label().replace("_", ""));
        button.setId(nodeId);
        button.setMnemonicParsing(false);
        if (action.disabled() != null) {
            button.disableProperty().bind(action.disabled());
        }
        button.setOnAction(e -> action.handler().run());
        return button;
    }

    /**
     * A menu of actions, separators ({@link #SEPARATOR}) and ready-made items (radio items); each
     * action's item gets the id {@code idPrefix + action id}, unless {@code ids} names another.
     */
    Menu menu(String label, String menuId, String idPrefix, Map<String, String> ids, boolean withShortcuts, List<Object> entries) {
        Menu menu = new Menu(label);
        menu.setId(menuId);
        for (Object entry : entries) {
            if (entry instanceof MenuItem item) {
                menu.getItems().add(item);
            } else if (SEPARATOR.equals(entry)) {
                menu.getItems().add(new SeparatorMenuItem());
            } else {
                String id = (String) entry;
                menu.getItems().add(menuItem(id, ids.getOrDefault(id, idPrefix + id), withShortcuts));
            }
        }
        return menu;
    }
}
