package org.vireo.ui.main;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.VmSummary;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.VisibleText;

/** The left-hand tree: "All nodes", each node with its state, and its VMs beneath. */
final class NodeTree {

    private final MainViewModel viewModel;
    private final Messages messages;
    private final TreeView<TreeEntry> view;
    private final TreeItem<TreeEntry> root = new TreeItem<>();
    private final Map<NodeRow, TreeItem<TreeEntry>> nodeItems = new HashMap<>();
    private final List<TreeItem<TreeEntry>> nodeOrder = new ArrayList<>();

    NodeTree(MainViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.view = new TreeView<>(root);
        view.setId("nodeTree");
        view.setAccessibleText(messages.get("tree.accessible"));
        view.setShowRoot(true);
        view.setCellFactory(tree -> new EntryCell());
        root.setExpanded(true);
        viewModel.nodes().forEach(this::addNode);
        viewModel.nodes().addListener((ListChangeListener<NodeRow>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::addNode);
                change.getRemoved().forEach(row -> {
                    TreeItem<TreeEntry> item = nodeItems.remove(row);
                    nodeOrder.remove(item);
                    root.getChildren().remove(item);
                });
            }
            refreshRoot();
        });
        viewModel.allVms().addListener((ListChangeListener<VmSummary>) change -> {
            refreshRoot();
            if (viewModel.groupByTagProperty().get()) {
                showTags();
            }
        });
        viewModel.groupByTagProperty().addListener((obs, old, byTag) -> {
            refreshRoot();
            view.getSelectionModel().select(root);
            if (byTag) {
                showTags();
            } else {
                root.getChildren().setAll(nodeOrder);
            }
        });
        refreshRoot();
    }

    /** Groups every VM under its tags (a VM with two tags shows twice), untagged ones last. */
    private void showTags() {
        Object selected = view.getSelectionModel().getSelectedItem() == null ? null
                : view.getSelectionModel().getSelectedItem().getValue();
        List<TreeItem<TreeEntry>> groups = new ArrayList<>();
        TreeItem<TreeEntry> untagged = null;
        TreeItem<TreeEntry> reselect = null;
        for (Map.Entry<String, List<VmSummary>> group : viewModel.vmsByTag().entrySet()) {
            boolean none = group.getKey().equals(MainViewModel.UNTAGGED);
            TreeItem<TreeEntry> item = new TreeItem<>(new TreeEntry.Tag(none ? null : group.getKey(), group.getValue().size()));
            item.setExpanded(!none);
            for (VmSummary vm : group.getValue()) {
                item.getChildren().add(new TreeItem<>(new TreeEntry.Vm(vm)));
            }
            if (selected instanceof TreeEntry.Tag tag && Objects.equals(tag.tag(), none ? null : group.getKey())) {
                reselect = item;
            }
            if (none) {
                untagged = item;
            } else {
                groups.add(item);
            }
        }
        if (untagged != null) {
            groups.add(untagged);
        }
        root.getChildren().setAll(groups);
        if (reselect != null) {
            view.getSelectionModel().select(reselect);
        }
    }

    TreeView<TreeEntry> view() {
        return view;
    }

    private void refreshRoot() {
        setIfChanged(root, new TreeEntry.AllNodes(viewModel.nodes().size(), viewModel.allVms().size(),
                viewModel.groupByTagProperty().get()));
    }

    /**
     * A new value only when it reads differently: in an event storm every changed VM is a list event,
     * and each new value rebuilds the row's graphic and tooltip (hundreds a batch for a node of 5000).
     */
    private static void setIfChanged(TreeItem<TreeEntry> item, TreeEntry value) {
        if (!value.equals(item.getValue())) {
            item.setValue(value);
        }
    }

    private void addNode(NodeRow row) {
        TreeItem<TreeEntry> item = new NodeItem(row);
        item.setExpanded(true);
        nodeItems.put(row, item);
        nodeOrder.add(item);
        if (!viewModel.groupByTagProperty().get()) {
            root.getChildren().add(item);
        }
        row.statusProperty().addListener((obs, old, now) -> item.setValue(nodeEntry(row)));
        row.refProperty().addListener((obs, old, now) -> item.setValue(nodeEntry(row)));
        row.vms().addListener((ListChangeListener<VmSummary>) change -> syncChildren(item, row, change));
    }

    private static TreeEntry nodeEntry(NodeRow row) {
        return new TreeEntry.Node(row, row.ref().name(), row.status(), row.vms().size());
    }

    /**
     * A VM whose values changed is updated in place; anything else rebuilds the node's children once.
     * A node with more than {@link #LARGE_NODE} VMs arrives collapsed and has its VM rows only
     * while expanded: TreeView's focus model looks up the row of every added child, which costs
     * time quadratic in the number of children (170 ms for 5000), and the table lists them anyway.
     */
    private void syncChildren(TreeItem<TreeEntry> item, NodeRow row, ListChangeListener.Change<? extends VmSummary> change) {
        if (item.getChildren().isEmpty() && row.vms().size() > LARGE_NODE && item.isExpanded()) {
            item.setExpanded(false);
        }
        if (!item.isExpanded()) {
            if (!item.getChildren().isEmpty()) {
                item.getChildren().clear();
            }
            setIfChanged(item, nodeEntry(row));
            return;
        }
        boolean onlyReplacements = change != null;
        while (onlyReplacements && change.next()) {
            if (!(change.wasReplaced() && change.getAddedSize() == change.getRemovedSize())
                    || item.getChildren().size() != row.vms().size()) {
                onlyReplacements = false;
                break;
            }
            for (int i = change.getFrom(); i < change.getTo(); i++) {
                item.getChildren().get(i).setValue(new TreeEntry.Vm(row.vms().get(i)));
            }
        }
        if (!onlyReplacements) {
            List<TreeItem<TreeEntry>> children = new ArrayList<>(row.vms().size());
            for (VmSummary vm : row.vms()) {
                children.add(new TreeItem<>(new TreeEntry.Vm(vm)));
            }
            item.getChildren().setAll(children);
        }
        setIfChanged(item, nodeEntry(row));
    }

    static final int LARGE_NODE = 500;

    /** A node's tree item: not a leaf while its node has VMs, even when they are not materialised. */
    private final class NodeItem extends TreeItem<TreeEntry> {
        private final NodeRow row;

        NodeItem(NodeRow row) {
            super(nodeEntry(row));
            this.row = row;
            expandedProperty().addListener((obs, was, now) -> {
                if (now && getChildren().size() != row.vms().size()) {
                    syncChildren(this, row, null);
                }
            });
        }

        @Override
        public boolean isLeaf() {
            return row.vms().isEmpty();
        }
    }

    void select(NodeRow row) {
        TreeItem<TreeEntry> item = nodeItems.get(row);
        if (item != null) {
            view.getSelectionModel().select(item);
        }
    }

    /** Selects the tree row of a VM, if the tree shows it. */
    void select(VmSummary vm) {
        TreeItem<TreeEntry> nodeItem = nodeItems.get(viewModel.node(vm.nodeId()));
        if (nodeItem == null) {
            return;
        }
        for (TreeItem<TreeEntry> child : nodeItem.getChildren()) {
            if (child.getValue() instanceof TreeEntry.Vm v && v.vm().uuid().equals(vm.uuid())) {
                view.getSelectionModel().select(child);
                return;
            }
        }
    }

    private final class EntryCell extends TreeCell<TreeEntry> {
        // Held by the cell: the tick only knows it weakly. A VM of a node that is not connected is greyed, as in the table.
        private final InvalidationListener onNodeStates = tick -> restyle();

        EntryCell() {
            viewModel.nodeStatesTickProperty().addListener(new WeakInvalidationListener(onNodeStates));
        }

        private void restyle() {
            boolean offline = !isEmpty() && getItem() instanceof TreeEntry.Vm vm && !viewModel.isNodeConnected(vm.vm().nodeId());
            OfflineLook.apply(this, offline);
        }

        @Override
        protected void updateItem(TreeEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            restyle();
            setTooltip(null);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (entry instanceof TreeEntry.AllNodes all) {
                setText(messages.get(all.byTag() ? "tree.allTags" : "tree.allNodes") + "  (" + messages.get("tree.node.vmCount", all.vms()) + ")");
                setGraphic(null);
            } else if (entry instanceof TreeEntry.Node node) {
                setText(null);
                setGraphic(nodeGraphic(node));
                String uri = node.row().ref().uri();
                setTooltip(new Tooltip(node.status().detail().isEmpty() ? uri : uri + "\n" + node.status().detail()));
            } else if (entry instanceof TreeEntry.Tag tag) {
                setText((tag.tag() == null ? messages.get("tree.untagged") : tag.tag()) + "  ("
                        + messages.get("tree.node.vmCount", tag.vms()) + ")");
                setGraphic(null);
            } else if (entry instanceof TreeEntry.Vm vm) {
                setText(VisibleText.of(vm.vm().name()));
                setGraphic(StateIcons.forVm(vm.vm().state()));
            }
        }

        private HBox nodeGraphic(TreeEntry.Node node) {
            Label title = new Label(VisibleText.of(node.row().ref().name()));
            title.getStyleClass().add("node-title");
            Label detail = new Label(nodeStateText(node.status()) + " · " + messages.get("tree.node.vmCount", node.vms())
                    + " · " + shortUri(node.row().ref().uri()));
            detail.getStyleClass().add("node-detail");
            VBox text = new VBox(title, detail);
            HBox box = new HBox(6, StateIcons.forNode(node.status().state()), text);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setPadding(new Insets(1, 0, 1, 0));
            return box;
        }
    }

    /** Long URIs (a test-driver node file's path) keep their scheme and their end; the tooltip has it whole. */
    static String shortUri(String uri) {
        int max = 42;
        if (uri.length() <= max) {
            return uri;
        }
        int schemeEnd = uri.indexOf(":///") >= 0 ? uri.indexOf(":///") + 4 : Math.min(12, uri.length());
        return uri.substring(0, schemeEnd) + "…" + uri.substring(uri.length() - (max - schemeEnd - 1));
    }

    String nodeStateText(NodeStatus status) {
        String state = status.state() == NodeState.RECONNECTING && status.attempt() > 0
                ? messages.get("node.state.reconnectingTries", status.attempt())
                : messages.get("node.state." + status.state().id());
        return status.detail().isEmpty() ? state : messages.get("node.state.withDetail", state, status.detail());
    }
}
