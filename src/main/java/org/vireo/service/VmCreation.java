package org.vireo.service;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vireo.model.IsoLabel;
import org.vireo.model.NodeFacts;
import org.vireo.service.create.CreationStep;
import org.vireo.service.create.VmSpec;

/** Creating VMs on a node: its facts for validation, the XML preview, and the creation itself. */
public interface VmCreation {

    /**
     * The ISO 9660 labels of the install medium at {@code path} on the node, read through a ranged download of its 2 KiB
     * volume descriptor (on a transfer thread, not the node's worker); empty when it is no ISO image. Fails when the
     * path is in no pool of the node (libvirt cannot read it then), with libvirt's words.
     */
    CompletableFuture<Optional<IsoLabel>> isoLabel(String nodeId, String path);

    /** Reads what validation needs from the node (on its worker). */
    CompletableFuture<NodeFacts> facts(String nodeId);

    /** The domain XML that {@link #create} would define, for the summary page and --print-xml. */
    String previewXml(VmSpec spec, NodeFacts facts);

    /**
     * Creates volumes, defines and (if asked) starts the VM on the node's worker, reporting each
     * step. On any failure everything created so far is removed before the future fails with
     * an {@link OperationException} naming the step and carrying libvirt's message. Completes with the new VM's UUID.
     */
    CompletableFuture<String> create(String nodeId, VmSpec spec, NodeFacts facts, Consumer<CreationStep> progress);

    /**
     * Removes a VM {@link #create} made and nobody has started yet, with the volumes it made for it (its new disk, its
     * cloud-init seed) and nothing else: "Cancel installation" after "customize before install".
     */
    CompletableFuture<Void> discard(String nodeId, String uuid, VmSpec spec, NodeFacts facts);

    /** Starts a VM {@link #create} defined without starting it: "Begin installation". */
    CompletableFuture<Void> begin(String nodeId, String uuid);
}
