package org.vireo.ui.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.vireo.model.NetworkSpec;
import org.vireo.model.VirtualNetworkInfo;
import org.vireo.service.NetworkService;
import org.vireo.service.device.NetworkRules;
import org.vireo.ui.common.ServiceCalls;

/**
 * What the New network dialog checks against (the node's networks, subnets and host interfaces, read on its
 * worker before the dialog opens), its XML preview, and the creation. Shared by the Networks tab, the wizard
 * and the NIC dialog, which each select the network it made. FX thread only.
 */
public final class NewNetworkViewModel {

    /** The node as the dialog needs it: names taken, subnets in use by network, interfaces and bridges. */
    public record Facts(List<String> names, Map<String, String> subnets, List<String> interfaces, List<String> bridges) {

        /** A name not taken yet: network1, network2… */
        public String freeName() {
            for (int i = 1; ; i++) {
                if (!names.contains("network" + i)) {
                    return "network" + i;
                }
            }
        }

        /** The first 192.168.N.0/24 from N = 100 that overlaps none of the node's networks. */
        public String freeSubnet() {
            for (int n = 100; n < 255; n++) {
                String candidate = "192.168." + n + ".0/24";
                if (NetworkRules.subnetProblem(candidate, subnets).isEmpty()) {
                    return candidate;
                }
            }
            return "10.200.0.0/24";
        }
    }

    private final NetworkService service;
    private final ServiceCalls calls;

    public NewNetworkViewModel(NetworkService service) {
        this(service, null);
    }

    NewNetworkViewModel(NetworkService service, Executor fxThread) {
        this.service = service;
        this.calls = ServiceCalls.on(fxThread);
    }

    /** Reads the node's networks and interfaces, then gives them to {@code then}; or libvirt's words to {@code failed}. */
    public void load(String nodeId, Consumer<Facts> then, Consumer<String> failed) {
        calls.run(() -> service.networks(nodeId).thenCombine(service.hostInterfaces(nodeId), (networks, host) ->
                        new Facts(networks.stream().map(VirtualNetworkInfo::name).toList(), subnets(networks), host.interfaces(),
                                host.bridges())))
                .onSuccess(then)
                .onFailure(failed)
                .start();
    }

    /** Each network's IPv4 subnets by its name ("name (2)" for a second one), for the overlap check. */
    static Map<String, String> subnets(List<VirtualNetworkInfo> networks) {
        Map<String, String> subnets = new LinkedHashMap<>();
        for (VirtualNetworkInfo network : networks) {
            for (int i = 0; i < network.ipv4().size(); i++) {
                subnets.put(i == 0 ? network.name() : network.name() + " (" + (i + 1) + ")", NetworkRules.networkOf(network.ipv4().get(i)));
            }
        }
        return subnets;
    }

    public String xml(NetworkSpec spec) {
        return service.networkXml(spec);
    }

    /** Creates the network; {@code created} gets its name, {@code failed} libvirt's reason (nothing is kept then). */
    public void create(String nodeId, NetworkSpec spec, Consumer<String> created, Consumer<String> failed) {
        calls.run(() -> service.createNetwork(nodeId, spec))
                .onSuccess(ok -> created.accept(spec.name().strip()))
                .onFailure(failed)
                .start();
    }
}
