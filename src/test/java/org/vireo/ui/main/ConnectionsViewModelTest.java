package org.vireo.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.NodeFailure;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.model.NodeStatus;
import org.vireo.model.SavedConnection;
import org.vireo.service.fleet.StoredConnections;
import org.vireo.store.ConnectionRepository;
import org.vireo.store.Database;
import org.vireo.testlab.NodeFiles;
import org.vireo.ui.FxQueue;
import org.vireo.ui.common.Messages;
import org.vireo.ui.connection.ConnectionDialog;

/**
 * The connection flow without a window: a real SQLite file behind the saved connections, real
 * test-driver nodes behind the fleet, the FX thread stood in for by a queue.
 */
class ConnectionsViewModelTest {

    @TempDir
    Path dir;

    private final FxQueue fx = new FxQueue();
    private final LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());
    private final ExecutorService storeWriter = Executors.newSingleThreadExecutor();
    private Database database;
    private ConnectionRepository repository;
    private MainViewModel main;
    private ConnectionsViewModel connections;
    private final List<ConnectionsViewModel.HostKeyAlert> alerts = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("vireo.db"));
        repository = new ConnectionRepository(database);
        main = new MainViewModel(fleet, fleet, new Messages(Locale.ENGLISH), fx);
        connections = new ConnectionsViewModel(main, new StoredConnections(repository, storeWriter, dir.resolve("known_hosts")),
                new Messages(Locale.ENGLISH), fx);
        connections.onHostKeyAlert(alerts::add);
    }

    @AfterEach
    void close() {
        fleet.close();
        storeWriter.shutdownNow();
        database.close();
    }

    @Test
    void addRenameReconnectAndRemove() throws Exception {
        String first = NodeFiles.write(dir.resolve("first.xml"), "<domain type='test'><name>alpha</name><memory>131072</memory>"
                + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>");
        connections.save(null, new ConnectionDialog.Result("Lab", first, true));
        fx.drainUntil("the new node connects", 20, () -> main.nodes().size() == 1
                && main.nodes().get(0).status().state() == NodeState.CONNECTED);
        NodeRow row = main.nodes().get(0);
        assertEquals(List.of("alpha"), row.vms().stream().map(vm -> vm.name()).toList());
        assertEquals(List.of("Lab"), repository.findAll().stream().map(SavedConnection::name).toList());

        // A name-only edit: the same row, still connected, nothing re-read.
        List<NodeStatus> seen = new ArrayList<>();
        row.statusProperty().addListener((obs, old, now) -> seen.add(now));
        var vmsBefore = row.vms().get(0);
        connections.save(row, new ConnectionDialog.Result("Lab renamed", first, true));
        fx.drainUntil("the rename is saved", 10, () -> row.ref().name().equals("Lab renamed"));
        assertSame(row, main.nodes().get(0));
        assertEquals(List.of(), seen, "no reconnect for a new name");
        assertSame(vmsBefore, row.vms().get(0), "the VMs were not read again");
        assertEquals("Lab renamed", repository.findAll().get(0).name());

        // A new URI: the node's connection is replaced.
        String second = NodeFiles.write(dir.resolve("second.xml"), "<domain type='test'><name>beta</name><memory>131072</memory>"
                + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>");
        connections.save(row, new ConnectionDialog.Result("Lab renamed", second, true));
        fx.drainUntil("the node reconnects to the new URI", 20, () -> main.nodes().size() == 1
                && main.nodes().get(0) != row && main.nodes().get(0).status().state() == NodeState.CONNECTED);
        NodeRow replaced = main.nodes().get(0);
        assertNotSame(row, replaced);
        assertEquals(List.of("beta"), replaced.vms().stream().map(vm -> vm.name()).toList());
        assertEquals(second, repository.findAll().get(0).uri());

        connections.remove(replaced);
        fx.drainUntil("the connection is forgotten", 10, () -> main.nodes().isEmpty() && repository.findAll().isEmpty());
        assertEquals("", connections.failureProperty().get());
    }

    @Test
    void theWizardGetsTheConnectedNodesWithTheOneInViewFirst() throws Exception {
        main.addNodes(List.of(new NodeRef("a", "a", "test:///default"), new NodeRef("b", "b", "test:///default"),
                new NodeRef("off", "off", "test:///default")));
        main.connect(main.node("a"));
        main.connect(main.node("b"));
        fx.drainUntil("two nodes connect", 20, () -> main.node("a").status().state() == NodeState.CONNECTED
                && main.node("b").status().state() == NodeState.CONNECTED);
        assertEquals(List.of("a", "b"), connections.wizardNodes().stream().map(NodeRef::id).toList());
        main.scopeProperty().set(main.node("b"));
        assertEquals(List.of("b", "a"), connections.wizardNodes().stream().map(NodeRef::id).toList());
        main.scopeProperty().set(main.node("off"));
        assertEquals(List.of("a", "b"), connections.wizardNodes().stream().map(NodeRef::id).toList());
    }

    /** Reports statuses one after another, as a node's worker would, each applied before the next. */
    private void report(NodeRef node, NodeStatus... statuses) {
        for (NodeStatus status : statuses) {
            main.inventoryListener().nodeStatusChanged(node, status);
            fx.drainUntil("the status is applied", 5, () -> main.node(node.id()).status().equals(status));
        }
    }

    @Test
    void aChangedHostKeyIsSaidOnceNotAtEachRetry() {
        NodeStatus changed = NodeStatus.failed(NodeFailure.HOST_KEY_CHANGED, "the host key of lab1 has CHANGED");
        NodeStatus connecting = NodeStatus.of(NodeState.CONNECTING);
        main.addNodes(List.of(new NodeRef("lab1", "lab1", "test:///default")));
        NodeRef lab1 = main.node("lab1").ref();
        // Words decide nothing, only the kind: libvirt's own wording of a host-key failure is not an alert by itself.
        report(lab1, new NodeStatus(NodeState.FAILED, "HOST KEY VERIFICATION FAILED"), connecting,
                NodeStatus.failed(NodeFailure.UNREACHABLE, "no route to host"), connecting);
        assertEquals(0, alerts.size(), alerts.toString());
        // Retries that meet the same changed key: said once.
        report(lab1, changed, connecting, changed, connecting, changed);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals("lab1", alerts.get(0).nodeName());
        // Connected again, and then a new change: news again.
        report(lab1, NodeStatus.of(NodeState.CONNECTED), NodeStatus.of(NodeState.DISCONNECTED), changed);
        assertEquals(2, alerts.size(), alerts.toString());
    }
}
