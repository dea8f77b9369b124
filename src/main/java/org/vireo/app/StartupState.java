package org.vireo.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.model.LibvirtUri;
import org.vireo.model.NodeRef;
import org.vireo.model.SavedConnection;
import org.vireo.service.fleet.ConnectionTimeRecorder;
import org.vireo.service.fleet.HeldInventory;
import org.vireo.service.fleet.LocalTags;
import org.vireo.store.TagRepository;

/**
 * What the window needs before it can be built: the store, libvirt, the fleet, the nodes to
 * show and the preferences. The launcher starts loading it on a thread of its own while the
 * JavaFX toolkit starts, and local nodes begin connecting right away; their reports are held
 * until the window's view model attaches. Remote nodes wait for the window, whose dialogs may
 * have to ask for passwords or host keys.
 *
 * @param nodes         saved connections, then the nodes named on the command line
 * @param manual        ids of saved connections the user connects by hand
 * @param connectLater  ids of nodes to connect once the window exists
 */
record StartupState(AppContext context, LibvirtFleet fleet, LocalTags tags, List<NodeRef> nodes,
        Set<String> manual, Set<String> connectLater, HeldInventory early, Map<String, String> preferences,
        boolean desktopDark) {

    private static volatile CompletableFuture<StartupState> loading;

    static StartupState load(AppPaths paths, List<String> commandLineUris) {
        AppContext context = AppContext.open(paths, VireoApp.loopDriver());
        List<SavedConnection> saved = context.savedConnections();
        TagRepository tagRepository = new TagRepository(context.database);
        LibvirtFleet fleet = new LibvirtFleet(context.libvirt);
        LocalTags tags = new LocalTags(new ConnectionTimeRecorder(fleet, context.connections, context.storeWriter), fleet,
                tagRepository, tagRepository.findAll(), context.storeWriter);
        List<NodeRef> nodes = new ArrayList<>(saved.stream().map(SavedConnection::toNodeRef).toList());
        nodes.addAll(AppContext.commandLineNodes(commandLineUris));
        Set<String> manual = saved.stream().filter(c -> !c.autoconnect()).map(c -> c.toNodeRef().id())
                .collect(Collectors.toSet());
        HeldInventory early = new HeldInventory();
        Set<String> later = new HashSet<>();
        for (NodeRef node : nodes) {
            if (manual.contains(node.id())) {
                continue;
            }
            if (isLocal(node.uri())) {
                tags.connect(node, early);
            } else {
                later.add(node.id());
            }
        }
        Map<String, String> preferences = context.preferences.getAll();
        boolean desktopDark = DesktopColorScheme.prefersDark();
        return new StartupState(context, fleet, tags, nodes, manual, later, early, preferences, desktopDark);
    }

    /** A URI without a host: the local daemon or the test driver, which never ask anything. */
    static boolean isLocal(String uri) {
        return LibvirtUri.tryParse(uri).map(LibvirtUri::isLocalSocket).orElse(false);
    }

    /** Starts loading in the background; {@link #take} collects it. */
    static void loadEarly(AppPaths paths, List<String> commandLineUris) {
        loading = CompletableFuture.supplyAsync(() -> load(paths, commandLineUris), r -> {
            Thread t = new Thread(r, "vireo-startup");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The state started by {@link #loadEarly}, or loaded now when nothing was started (tests). */
    static StartupState take(AppPaths paths, List<String> commandLineUris) {
        CompletableFuture<StartupState> started = loading;
        loading = null;
        return started != null ? started.join() : load(paths, commandLineUris);
    }
}
