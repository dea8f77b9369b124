package org.vireo.ui.details;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.vireo.model.DiskSpec;
import org.vireo.model.DisplaySwitch;
import org.vireo.model.VmDevice;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.FieldLabel;
import org.vireo.ui.common.Messages;

/**
 * The Hardware tab: every device of the VM grouped by kind, with processor and memory first; the
 * selected one's line, what is pending for the next start, the outcome of the last change, its
 * actions and its XML.
 */
final class HardwareTab {

    /** A settings page listed before the devices: Processor, Memory, Boot options. */
    record Page(String id, Node content) {
    }

    private final HardwareViewModel viewModel;
    private final Messages messages;
    private final Supplier<Window> owner;
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final BorderPane detail = new BorderPane();
    private final List<Page> pages;
    private final VBox devicePane = new VBox(8);
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label pending = new Label();
    private final Label outcome = new Label();
    private final TextArea xml = new TextArea();
    private final HBox actions = new HBox(8);
    private Object shown;
    private boolean rebuilding;

    HardwareTab(HardwareViewModel viewModel, List<Page> pages, Messages messages, Supplier<Window> owner) {
        this.viewModel = viewModel;
        this.pages = List.copyOf(pages);
        this.messages = messages;
        this.owner = owner;
        tree.setId("deviceTree");
        tree.setShowRoot(false);
        tree.setAccessibleText(messages.get("hardware.list"));
        tree.setCellFactory(t -> new DeviceCell());
        viewModel.devices().addListener((ListChangeListener<VmDevice>) c -> rebuild());
        rebuild();
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (rebuilding) {
                return;   // the list is being replaced: what was chosen is chosen again at its end
            }
            Object value = now == null ? null : now.getValue();
            viewModel.selectedProperty().set(value instanceof VmDevice device ? device : null);
            showDetail(value);
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && (tree.getSelectionModel().getSelectedItem() == null
                    || tree.getSelectionModel().getSelectedItem().getValue() != now)) {
                select(now);
            }
        });
        title.setId("deviceTitle");
        title.getStyleClass().add("fact-name");
        summary.setId("deviceSummary");
        summary.setWrapText(true);
        pending.setId("devicePending");
        pending.setWrapText(true);
        pending.getStyleClass().add("field-warning-text");
        pending.managedProperty().bind(pending.visibleProperty());
        outcome.setId("deviceMessage");
        outcome.setWrapText(true);
        outcome.textProperty().bind(viewModel.messageProperty());
        outcome.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        xml.setId("deviceXml");
        xml.setEditable(false);
        xml.setWrapText(false);
        xml.getStyleClass().add("monospace");
        xml.setAccessibleText(messages.get("hardware.xml"));
        Label xmlLabel = FieldLabel.of(messages.get("hardware.xml"), xml);
        for (Label wrapped : List.of(summary, pending, outcome)) {
            wrapped.setMinHeight(Region.USE_PREF_SIZE);   // the XML gives way, never a message
        }
        xml.setMinHeight(60);
        devicePane.getChildren().addAll(title, summary, pending, actions, xmlLabel, xml);
        VBox.setVgrow(xml, Priority.ALWAYS);
        devicePane.setPadding(new Insets(8));
        detail.setTop(outcome);
        BorderPane.setMargin(outcome, new Insets(8, 8, 0, 8));
        showDetail(pages.get(0));
        // "Switch back" comes and goes with the VM shown and its changes: the shown display's buttons follow.
        viewModel.canSwitchBackProperty().addListener((obs, was, now) -> {
            if (shown instanceof VmDevice device && device.kind() == VmDevice.Kind.GRAPHICS) {
                actions.getChildren().setAll(actionsFor(device));
            }
        });
    }

    Node root() {
        BooleanBinding noVm = viewModel.vmProperty().isNull();
        // A CD-ROM drive is added to a shut-off VM: hot-plugging one is refused by QEMU on every bus.
        BooleanBinding noVmOrRunning = Bindings.createBooleanBinding(() -> vm() == null || vm().state().isActive(), viewModel.vmProperty());
        Button addDisk = toolButton("addDisk", "hardware.addDisk", noVm, () -> viewModel.withChoices(choices ->
                DeviceDialogs.disk(owner.get(), new DiskForm(choices, vm().name(), "disk", null), messages).ifPresent(viewModel::addDisk)));
        Button addDrive = toolButton("addDrive", "hardware.addDrive", noVmOrRunning, () -> viewModel.withChoices(choices ->
                DeviceDialogs.disk(owner.get(), new DiskForm(choices, vm().name(), "cdrom", null), messages).ifPresent(viewModel::addDisk)));
        Button addNic = toolButton("addNic", "hardware.addNic", noVm, () -> viewModel.withChoices(choices ->
                DeviceDialogs.nic(owner.get(), new NicForm(choices, null), messages, viewModel.networkCreation(), vm().nodeId()).ifPresent(viewModel::addNic)));
        ToolBar bar = new ToolBar(addDisk, addDrive, addNic);
        SplitPane split = new SplitPane(tree, detail);
        split.setDividerPositions(0.42);
        SplitPane.setResizableWithParent(tree, false);
        BorderPane pane = new BorderPane(split);
        pane.setTop(bar);
        return pane;
    }

    private Button toolButton(String id, String key, BooleanBinding unavailable, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(viewModel.busyProperty().or(unavailable));
        return button;
    }

    private VmSummary vm() {
        return viewModel.vmProperty().get();
    }

    private void rebuild() {
        Object keep = tree.getSelectionModel().getSelectedItem() == null ? pages.get(0) : tree.getSelectionModel().getSelectedItem().getValue();
        Map<VmDevice.Kind, TreeItem<Object>> groups = new EnumMap<>(VmDevice.Kind.class);
        for (VmDevice.Kind kind : VmDevice.Kind.values()) {
            TreeItem<Object> group = new TreeItem<>(kind);
            group.setExpanded(true);
            groups.put(kind, group);
        }
        for (VmDevice device : viewModel.devices()) {
            groups.get(device.kind()).getChildren().add(new TreeItem<>(device));
        }
        TreeItem<Object> root = tree.getRoot();
        rebuilding = true;
        try {
            root.getChildren().setAll(pages.stream().map(page -> new TreeItem<Object>(page)).toList());
            // Disks, drives and NICs always show their group (the place to add one); the rest only when present.
            groups.forEach((kind, group) -> {
                if (!group.getChildren().isEmpty() || List.of(VmDevice.Kind.DISK, VmDevice.Kind.DRIVE, VmDevice.Kind.NIC).contains(kind)) {
                    root.getChildren().add(group);
                }
            });
            // The same entry again: the device by its id (the list holds new records), a page or a group as it was.
            TreeItem<Object> again = keep instanceof VmDevice device ? find(device) : null;
            if (again == null && !(keep instanceof VmDevice)) {
                again = root.getChildren().stream().filter(item -> keep.equals(item.getValue())).findFirst().orElse(null);
            }
            tree.getSelectionModel().select(again != null ? again : root.getChildren().get(0));
        } finally {
            rebuilding = false;
        }
        Object value = tree.getSelectionModel().getSelectedItem().getValue();
        viewModel.selectedProperty().set(value instanceof VmDevice device ? device : null);
        showDetail(value);
    }

    private void select(VmDevice device) {
        TreeItem<Object> item = find(device);
        if (item != null) {
            tree.getSelectionModel().select(item);
        }
    }

    private TreeItem<Object> find(VmDevice device) {
        for (TreeItem<Object> group : tree.getRoot().getChildren()) {
            for (TreeItem<Object> item : group.getChildren()) {
                if (item.getValue() instanceof VmDevice d && d.id().equals(device.id())) {
                    return item;
                }
            }
        }
        return null;
    }

    private void showDetail(Object value) {
        if (value == null || value.equals(shown)) {
            // The same device read again, or the moment between a reload's new list and its selection:
            // its buttons stay, and the keyboard focus with them.
            return;
        }
        shown = value;
        if (value instanceof VmDevice device) {
            title.setText(device.title());
            summary.setText(device.summary());
            pending.setText(device.pending() == VmDevice.Pending.NONE ? ""
                    : messages.get("hardware.pending." + device.pending().name().toLowerCase(Locale.ROOT)));
            pending.setVisible(device.pending() != VmDevice.Pending.NONE);
            xml.setText(device.xml());
            // A button pressed here goes with the reload: the list keeps the keyboard, not the window's first button.
            boolean hadFocus = actions.getChildren().stream().anyMatch(Node::isFocused);
            actions.getChildren().setAll(actionsFor(device));
            if (hadFocus) {
                tree.requestFocus();
            }
            detail.setCenter(devicePane);
        } else if (value instanceof VmDevice.Kind kind) {
            Label words = new Label(messages.get("hardware.group." + kind.name().toLowerCase(Locale.ROOT) + ".about"));
            words.setWrapText(true);
            VBox box = new VBox(8, words);
            box.setPadding(new Insets(8));
            detail.setCenter(box);
        } else if (value instanceof Page page) {
            detail.setCenter(page.content());
        }
    }

    private List<Node> actionsFor(VmDevice device) {
        Button remove = button("removeDevice", "hardware.remove", () -> remove(device, false));
        if (device.disk() != null && device.kind() == VmDevice.Kind.DRIVE) {
            Button insert = button("insertMedia", device.disk().hasMedia() ? "hardware.change" : "hardware.insert",
                    () -> viewModel.withChoices(choices -> DeviceDialogs.media(owner.get(),
                            new DiskForm(choices, vm().name(), "cdrom", null), device, messages)
                            .ifPresent(media -> viewModel.changeMedia(device.disk().target(), media))));
            Button eject = button("ejectMedia", "hardware.eject",
                    () -> viewModel.changeMedia(device.disk().target(), new DiskSpec.None()));
            eject.disableProperty().unbind();
            eject.disableProperty().bind(viewModel.busyProperty().or(Bindings.createBooleanBinding(() -> !device.disk().hasMedia())));
            return List.of(insert, eject, remove);
        }
        if (device.disk() != null) {
            Button edit = button("editDevice", "hardware.edit", () -> viewModel.withChoices(choices ->
                    DeviceDialogs.disk(owner.get(), new DiskForm(choices, vm().name(), "disk", device.disk()), messages)
                            .ifPresent(spec -> viewModel.editDisk(device.disk().target(), spec))));
            if (!hasVolume(device)) {
                return List.of(edit, remove);
            }
            // A shared disk is offered too: deleting its volume is then refused, naming the other VMs.
            return List.of(edit, remove, button("removeWithVolume", "hardware.removeWithVolume", () -> remove(device, true)));
        }
        if (device.nic() != null) {
            Button edit = button("editDevice", "hardware.edit", () -> viewModel.withChoices(choices ->
                    DeviceDialogs.nic(owner.get(), new NicForm(choices, device.nic()), messages, viewModel.networkCreation(),
                            vm().nodeId())
                            .ifPresent(spec -> viewModel.editNic(device.nic().mac(), spec))));
            return List.of(edit, remove);
        }
        if (device.kind() == VmDevice.Kind.GRAPHICS) {
            return displayActions(device);
        }
        Label notYet = new Label(messages.get("hardware.readOnly"));
        notYet.setWrapText(true);
        return List.of(notYet);
    }

    /**
     * A SPICE display can be switched to VNC (Vireo's screen tab speaks VNC) while the VM is shut off; the switch lists
     * every change before it is made, and "Switch back" undoes it until the next change.
     */
    private List<Node> displayActions(VmDevice device) {
        List<Node> actions = new ArrayList<>();
        boolean spice = device.xml().matches("(?s)\\s*<graphics[^>]*type=[\"']spice[\"'].*");
        if (spice) {
            Button toVnc = button("switchToVnc", "hardware.switchDisplay", () -> viewModel.switchDisplayToVnc(this::confirmSwitch));
            toVnc.disableProperty().unbind();
            toVnc.disableProperty().bind(viewModel.busyProperty().or(Bindings.createBooleanBinding(() -> vm() == null || vm().state().isActive(),
                    viewModel.vmProperty())));
            actions.add(toVnc);
        }
        if (viewModel.canSwitchBackProperty().get()) {
            actions.add(button("switchBack", "hardware.switchBack", viewModel::switchDisplayBack));
        }
        Label hint = new Label(messages.get(spice ? "hardware.display.spiceHint" : "hardware.display.hint"));
        hint.setId("displayHint");
        hint.setWrapText(true);
        actions.add(hint);
        return actions;
    }

    private boolean confirmSwitch(DisplaySwitch plan) {
        VBox content = new VBox(6, Dialogs.wrapped(messages.get("hardware.switchDisplay.text")));
        plan.changes().forEach(change -> content.getChildren().add(Dialogs.wrapped("\u2022 " + change)));
        content.getChildren().add(Dialogs.wrapped(messages.get("hardware.switchDisplay.undo")));
        return Dialogs.confirm(owner.get(), "switchDisplayDialog", messages.get("hardware.switchDisplay.title"),
                messages.get("hardware.switchDisplay.header", vm().name()), content, messages.get("hardware.switchDisplay.ok"));
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(viewModel.busyProperty());
        button.setMinWidth(Region.USE_PREF_SIZE);   // a long hint beside it wraps; the button keeps its words
        return button;
    }

    private static boolean hasVolume(VmDevice device) {
        return device.kind() == VmDevice.Kind.DISK && device.disk() != null && device.disk().storedOnNode();
    }

    /** Removing from a running VM, and deleting a volume, are asked first (as Preferences say); Cancel is the default. */
    private void remove(VmDevice device, boolean withVolume) {
        if (!viewModel.asksBeforeRemoving(withVolume)) {
            viewModel.remove(device, withVolume);
            return;
        }
        boolean running = vm() != null && vm().state().isActive();
        VBox content = new VBox(8, Dialogs.wrapped(messages.get(running ? "hardware.remove.running" : "hardware.remove.text", device.title())));
        if (withVolume) {
            content.getChildren().add(Dialogs.wrapped(messages.get("hardware.remove.volume", device.disk().where())));
        }
        if (Dialogs.confirm(owner.get(), "removeDeviceDialog", messages.get("hardware.remove.title"),
                messages.get("hardware.remove.header", device.title(), vm().name()), content,
                messages.get(withVolume ? "hardware.remove.withVolume" : "hardware.remove.ok"))) {
            viewModel.remove(device, withVolume);
        }
    }

    /** A device's line in the list: its title, then its summary, then what is pending. */
    private final class DeviceCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
            } else if (item instanceof VmDevice device) {
                setText(device.title() + (device.summary().isEmpty() ? "" : " · " + device.summary())
                        + (device.pending() == VmDevice.Pending.NONE ? "" : "  \u2022 " + messages.get("hardware.pendingMark")));
            } else if (item instanceof VmDevice.Kind kind) {
                long count = getTreeItem().getChildren().size();
                setText(messages.get("hardware.group." + kind.name().toLowerCase(Locale.ROOT)) + " (" + count + ")");
            } else if (item instanceof Page page) {
                setText(messages.get("hardware.page." + page.id()));
            }
        }
    }
}
