package org.vireo.ui.main;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.textfield.TextFields;
import org.vireo.model.ByteSize;
import org.vireo.model.StorageItem;
import org.vireo.model.VmAction;
import org.vireo.model.VmSummary;
import org.vireo.ui.clone.CloneVmDialog;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.FieldLabel;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.Notices;
import org.vireo.ui.migrate.MigrateDialog;
import org.vireo.ui.rename.RenameDialog;

/** The VM actions as the user reaches them: menu, context menu, toolbar, shortcuts, and their dialogs. */
final class VmActionsView {

    private static final Map<VmAction, String> SHORTCUTS = Map.ofEntries(
            Map.entry(VmAction.START, "Shortcut+Shift+R"),
            Map.entry(VmAction.SHUTDOWN, "Shortcut+Shift+D"),
            Map.entry(VmAction.REBOOT, "Shortcut+Shift+B"),
            Map.entry(VmAction.FORCE_OFF, "Shortcut+Shift+F"),
            Map.entry(VmAction.RESET, "Shortcut+Shift+X"),
            Map.entry(VmAction.NMI, "Shortcut+Shift+I"),
            Map.entry(VmAction.PAUSE, "Shortcut+Shift+P"),
            Map.entry(VmAction.RESUME, "Shortcut+Shift+U"),
            Map.entry(VmAction.SAVE, "Shortcut+Shift+M"),
            Map.entry(VmAction.RESTORE, "Shortcut+Shift+E"),
            Map.entry(VmAction.AUTOSTART_ON, "Shortcut+Shift+H"),
            Map.entry(VmAction.AUTOSTART_OFF, "Shortcut+Shift+J"),
            Map.entry(VmAction.DELETE, "Delete"));

    private final ActionsViewModel actions;
    private final List<VmSummary> allVms;
    private final Messages messages;
    private final Node owner;

    VmActionsView(ActionsViewModel actions, List<VmSummary> allVms, Messages messages, Node owner) {
        this.actions = actions;
        this.allVms = allVms;
        this.messages = messages;
        this.owner = owner;
    }

    /** The VM actions, tags and clone, in the window's one table of actions. */
    void register(MainActions table) {
        for (VmAction action : VmAction.values()) {
            table.add(action.id(), messages.get("action." + action.id()), SHORTCUTS.get(action), actions.canPerform(action).not(),
                    () -> run(action));
        }
        table.add("tags", messages.get("menu.vm.tags"), "Shortcut+Shift+L", Bindings.isEmpty(actions.selection()), this::editTags);
        table.add("clone", messages.get("menu.vm.clone"), "Shortcut+Shift+K", actions.canClone().not(),
                () -> new CloneVmDialog(actions.cloneSelected(), messages).show(window()));
        table.add("migrate", messages.get("menu.vm.migrate"), "Shortcut+Alt+M", actions.canMigrate().not(),
                () -> new MigrateDialog(actions.migrateSelected(), messages).show(window()));
        table.add("rename", messages.get("menu.vm.rename"), "Shift+F2", actions.canRename().not(),
                () -> RenameDialog.show(window(), actions.renameSelected(List.copyOf(allVms)), messages));
    }

    /** The menu entries of the VM actions in order, with separators between groups. */
    static List<Object> menuEntries() {
        List<Object> entries = new ArrayList<>();
        for (VmAction action : VmAction.values()) {
            if (action == VmAction.FORCE_OFF || action == VmAction.PAUSE || action == VmAction.AUTOSTART_ON
                    || action == VmAction.DELETE) {
                entries.add(MainActions.SEPARATOR);
            }
            entries.add(action.id());
        }
        entries.addAll(List.of(MainActions.SEPARATOR, "tags", "rename", "clone", "migrate"));
        return entries;
    }

    /** The actions that get a tool-bar button. */
    static final List<VmAction> TOOLBAR = List.of(VmAction.START, VmAction.SHUTDOWN, VmAction.PAUSE, VmAction.RESUME, VmAction.FORCE_OFF);

    void run(VmAction action) {
        List<VmSummary> targets = actions.targets(action);
        if (targets.isEmpty()) {
            return;
        }
        if (!actions.needsConfirmation(action)) {
            perform(action, false);
        } else if (action == VmAction.DELETE) {
            actions.storageOf(targets).whenComplete((storage, error) ->
                    confirm(action, targets, error == null ? storage : List.of()));
        } else {
            confirm(action, targets, List.of());
        }
    }

    private void confirm(VmAction action, List<VmSummary> targets, List<StorageItem> storage) {
        VBox content = new VBox(8, Dialogs.wrapped(messages.get("confirm." + action.id() + ".text")));
        CheckBox deleteStorage = new CheckBox(messages.get("confirm.delete.storage"));
        deleteStorage.setId("deleteStorage");
        List<StorageItem> deletable = storage.stream().filter(StorageItem::deletable).toList();
        if (action == VmAction.DELETE) {
            if (deletable.isEmpty()) {
                content.getChildren().add(Dialogs.wrapped(messages.get("confirm.delete.noStorage")));
            } else {
                content.getChildren().add(deleteStorage);
            }
            VBox list = new VBox(2);
            list.setId("storageList");
            for (StorageItem item : storage) {
                String line = item.deletable()
                        ? "  " + item.volume() + "  (" + new ByteSize(item.capacityBytes()).toHuman() + ")  " + item.path()
                        : "  " + item.path() + "  — " + messages.get("confirm.delete.kept");
                Label label = new Label(line);
                label.disableProperty().bind(deleteStorage.selectedProperty().not().and(
                        Bindings.createBooleanBinding(item::deletable)));
                list.getChildren().add(label);
            }
            content.getChildren().add(list);
        }
        CheckBox dontAsk = new CheckBox(messages.get("confirm.dontAsk"));
        dontAsk.setId("dontAsk");
        content.getChildren().add(dontAsk);
        // The action's button names what it does: "Delete VM", "Delete VM and 2 volumes" once storage is ticked.
        StringBinding actionText = Bindings.createStringBinding(() -> action == VmAction.DELETE && deleteStorage.isSelected()
                ? messages.get("confirm.ok.deleteWithStorage", targets.size(), deletable.size())
                : messages.get("confirm.ok." + action.id(), targets.size()), deleteStorage.selectedProperty());
        if (Dialogs.confirm(window(), null, messages.get("confirm." + action.id() + ".title"),
                messages.get("confirm." + action.id() + ".header", targets.size(), targets.get(0).name()), content, actionText)) {
            if (dontAsk.isSelected()) {
                actions.setConfirmation(action, false);
            }
            perform(action, action == VmAction.DELETE && deleteStorage.isSelected());
        }
    }

    private void perform(VmAction action, boolean deleteStorage) {
        actions.perform(action, deleteStorage).thenAccept(result -> {
            if (!result.failures().isEmpty()) {
                showFailures(action, result);
            } else if (result.succeeded() > 1) {
                // Many VMs take a while: the user may have gone to another window, so say once when all are done.
                Notices.doneElsewhere(window(), messages.get("action.finished.title"), summary(result));
            }
        });
    }

    private void showFailures(VmAction action, BulkResult result) {
        Alert alert = Dialogs.alert(window(), Alert.AlertType.ERROR, messages.get("action.failed.title"), null, (String) null);
        String verb = messages.get("action.verb." + action.id());
        if (result.failures().size() == 1 && result.succeeded() == 0) {
            String failure = result.failures().get(0);
            int colon = failure.indexOf(": ");
            alert.setHeaderText(messages.get("action.failed.header.one", verb, failure.substring(0, Math.max(0, colon))));
            alert.setContentText(messages.get("action.failed.detail") + "\n" + failure.substring(colon + 2));
        } else {
            alert.setHeaderText(messages.get("action.failed.header.many", result.failures().size(), verb));
            TextArea details = new TextArea(String.join("\n", result.failures()));
            details.setEditable(false);
            details.setWrapText(true);
            details.setPrefRowCount(Math.min(10, result.failures().size() + 1));
            alert.getDialogPane().setContent(new VBox(6, FieldLabel.of(messages.get("action.failed.detail"), details), details));
        }
        alert.show();
    }

    private void editTags() {
        List<VmSummary> targets = List.copyOf(actions.selection());
        String current = targets.size() == 1 ? String.join(", ", targets.get(0).tags()) : "";
        TextInputDialog dialog = new TextInputDialog(current);
        dialog.initOwner(window());   // a text input of its own kind: Dialogs.form would rebuild what it has
        Dialogs.keepOver(dialog, window());
        dialog.setTitle(messages.get("tags.title"));
        dialog.setHeaderText(messages.get("tags.header", targets.size(), targets.get(0).name()));
        dialog.setContentText(messages.get("tags.text"));
        dialog.getEditor().setId("tagsField");
        dialog.getEditor().setAccessibleText(messages.get("tags.text"));
        // The tags already used on these VMs' nodes are offered as the last one is typed (ControlsFX's completion).
        Set<String> nodes = targets.stream().map(VmSummary::nodeId).collect(Collectors.toSet());
        SortedSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        allVms.stream().filter(vm -> nodes.contains(vm.nodeId())).forEach(vm -> known.addAll(vm.tags()));
        TextFields.bindAutoCompletion(dialog.getEditor(), request -> {
            String text = request.getUserText();
            int comma = text.lastIndexOf(',');
            String typed = text.substring(comma + 1).strip();
            String before = comma < 0 ? "" : text.substring(0, comma + 1) + " ";
            List<String> already = Arrays.stream(text.split(",")).map(String::strip).toList();
            return known.stream().filter(tag -> tag.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))
                    && !already.contains(tag)).map(tag -> before + tag).toList();
        });
        dialog.showAndWait().ifPresent(text -> actions.setTags(Arrays.stream(text.split(",")).map(String::strip).toList())
                .thenAccept(result -> {
                    if (!result.failures().isEmpty()) {
                        Dialogs.error(window(), messages.get("action.failed.title"), null, String.join("\n", result.failures()));
                    }
                }));
    }

    /** "3 started, 1 failed, 2 skipped (not in a state for it)" */
    String summary(BulkResult result) {
        if (result == null || result.action() == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (result.succeeded() > 0) {
            parts.add(messages.get("action.done." + result.action().id(), result.succeeded()));
        }
        if (!result.failures().isEmpty()) {
            parts.add(messages.get("action.done.failed", result.failures().size()) + ": " + result.failures().get(0)
                    + (result.failures().size() > 1 ? " …" : ""));
        }
        if (result.skipped() > 0) {
            parts.add(messages.get("action.done.skipped", result.skipped()));
        }
        return String.join(", ", parts);
    }

    private Window window() {
        return owner.getScene().getWindow();
    }
}
