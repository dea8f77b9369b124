package org.vireo.service.fleet;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.vireo.model.SavedConnection;
import org.vireo.service.ConnectionStore;
import org.vireo.store.ConnectionRepository;

/** Saved connections written on the store's own thread. */
public final class StoredConnections implements ConnectionStore {

    private final ConnectionRepository repository;
    private final Executor storeWriter;

    private final String knownHosts;

    public StoredConnections(ConnectionRepository repository, Executor storeWriter, Path knownHosts) {
        this.repository = repository;
        this.storeWriter = storeWriter;
        this.knownHosts = knownHosts.toString();
    }

    @Override
    public String sshKnownHostsFile() {
        return knownHosts;
    }

    @Override
    public CompletableFuture<SavedConnection> add(String name, String uri, boolean autoconnect) {
        return CompletableFuture.supplyAsync(() -> repository.add(name, uri, autoconnect), storeWriter);
    }

    @Override
    public CompletableFuture<Void> update(long id, String name, String uri, boolean autoconnect) {
        return CompletableFuture.runAsync(() -> repository.update(id, name, uri, autoconnect), storeWriter);
    }

    @Override
    public CompletableFuture<Void> remove(long id) {
        return CompletableFuture.runAsync(() -> repository.remove(id), storeWriter);
    }
}
