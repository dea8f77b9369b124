package org.vireo.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vireo.model.DhcpHost;
import org.vireo.model.DhcpLease;
import org.vireo.model.NetworkSpec;
import org.vireo.model.VirtualNetworkInfo;

/**
 * The virtual networks of a node. Each call runs on the node's worker; a refusal completes with an
 * {@code OperationException} in libvirt's words.
 */
public interface NetworkService {

    CompletableFuture<List<VirtualNetworkInfo>> networks(String nodeId);

    /** Tells {@code changedNode} (on a libvirt thread) whenever a network of a connected node is defined, started, stopped or removed. */
    void watchNetworks(Consumer<String> changedNode);

    /** The node's host interfaces (for a forward device) and, separately, its bridges (for a bridged network). */
    CompletableFuture<HostInterfaces> hostInterfaces(String nodeId);

    /** The host's interfaces by name; {@code bridges} are those of them that are bridges. */
    record HostInterfaces(List<String> interfaces, List<String> bridges) {
    }

    /** The XML a new network would be defined with (the dialog's preview); runs here, no libvirt call. */
    String networkXml(NetworkSpec spec);

    /** Defines, starts and (where asked) autostarts a network; one that will not start is removed again. */
    CompletableFuture<Void> createNetwork(String nodeId, NetworkSpec spec);

    CompletableFuture<Void> startNetwork(String nodeId, String network);

    CompletableFuture<Void> stopNetwork(String nodeId, String network);

    CompletableFuture<Void> setNetworkAutostart(String nodeId, String network, boolean on);

    /** Stops the network where it runs and removes its definition. */
    CompletableFuture<Void> deleteNetwork(String nodeId, String network);

    /** The network's DHCP leases; fails with the driver's words where it does not report them. */
    CompletableFuture<List<DhcpLease>> leases(String nodeId, String network);

    /** Pins an address, live where the network runs and in its definition where it has one. */
    CompletableFuture<Void> addStaticHost(String nodeId, String network, DhcpHost host);

    CompletableFuture<Void> removeStaticHost(String nodeId, String network, DhcpHost host);
}
