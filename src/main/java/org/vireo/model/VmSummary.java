package org.vireo.model;

import java.util.List;
import java.util.Objects;

/**
 * What the lists show of one domain.
 *
 * @param nodeId      the {@link NodeRef#id()} of the node it lives on
 * @param uuid        libvirt's UUID: unique on a node, and the key Vireo uses
 * @param name        the domain name exactly as libvirt holds it
 * @param memoryBytes current memory (the balloon target), in bytes
 * @param persistent  false for a transient domain, which vanishes when it stops
 * @param managedSave true when a managed-save image waits to be restored
 * @param autostart   true when libvirt starts it with its host
 * @param tags        the user's tags, sorted
 */
public record VmSummary(String nodeId, String uuid, String name, VmState state, int vcpus, long memoryBytes,
                        boolean persistent, boolean managedSave, boolean autostart, List<String> tags) {
    public VmSummary {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Not started with its host. */
    public VmSummary(String nodeId, String uuid, String name, VmState state, int vcpus, long memoryBytes,
                     boolean persistent, boolean managedSave, List<String> tags) {
        this(nodeId, uuid, name, state, vcpus, memoryBytes, persistent, managedSave, false, tags);
    }

    /** A persistent domain without managed save or tags: what tests and generators mostly need. */
    public VmSummary(String nodeId, String uuid, String name, VmState state, int vcpus, long memoryBytes) {
        this(nodeId, uuid, name, state, vcpus, memoryBytes, true, false, List.of());
    }

    /** The same VM in another state: what a pause or resume changes, and nothing else. */
    public VmSummary withState(VmState now) {
        return new VmSummary(nodeId, uuid, name, now, vcpus, memoryBytes, persistent, managedSave, autostart, tags);
    }

    public ByteSize memory() {
        return new ByteSize(memoryBytes);
    }

    /** Unique across all nodes: the same UUID may exist on two nodes (a copied lab, a migrated guest). */
    public String key() {
        return nodeId + '/' + uuid;
    }
}
