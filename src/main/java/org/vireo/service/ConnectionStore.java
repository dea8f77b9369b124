package org.vireo.service;

import java.util.concurrent.CompletableFuture;
import org.vireo.model.SavedConnection;

/** Saved connections, written in the background (never on the FX thread). */
public interface ConnectionStore {

    CompletableFuture<SavedConnection> add(String name, String uri, boolean autoconnect);

    CompletableFuture<Void> update(long id, String name, String uri, boolean autoconnect);

    CompletableFuture<Void> remove(long id);

    /** Where libvirt's SSH transport keeps the host keys the user accepted for Vireo's connections. */
    String sshKnownHostsFile();
}
