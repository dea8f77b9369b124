package org.vireo.ui.common;

import java.util.Optional;
import org.vireo.model.LibvirtUri;
import org.vireo.model.NodeRef;
import org.vireo.service.Settings;

/**
 * What Vireo keeps about a node for moving VMs, in the user's preferences (keyed by the node's URI, so a node added
 * again with the same URI finds them): the address other nodes use to reach it, and whether it is in maintenance
 * (never a destination, never chosen for a new VM).
 */
public final class NodeMigrationSettings {

    private static final String PEER = "node.peerAddress.";
    private static final String MAINTENANCE = "node.maintenance.";

    private final Settings settings;

    public NodeMigrationSettings(Settings settings) {
        this.settings = settings;
    }

    /** What the user gave as the address other nodes use to reach {@code node}; empty for its connection's host. */
    public String peerAddress(NodeRef node) {
        return settings.getString(PEER + node.uri(), "");
    }

    public void setPeerAddress(NodeRef node, String address) {
        settings.putString(PEER + node.uri(), address.strip());
    }

    /** The URI the other nodes' libvirtd uses to reach {@code node} with {@code address}; empty when it cannot be made. */
    public static Optional<String> peerUri(NodeRef node, String address) {
        return LibvirtUri.tryParse(node.uri()).flatMap(uri -> uri.peerUri(address));
    }

    public boolean inMaintenance(NodeRef node) {
        return settings.getBoolean(MAINTENANCE + node.uri(), false);
    }

    public void setMaintenance(NodeRef node, boolean on) {
        settings.putBoolean(MAINTENANCE + node.uri(), on);
    }
}
