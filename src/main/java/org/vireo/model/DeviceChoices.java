package org.vireo.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the device forms of one VM choose from and check against, read on its node in one go.
 *
 * @param facts       the node's pools with their volumes, its networks
 * @param users       for each volume path or "pool/volume", the VMs whose disks use it
 * @param macsInUse   MAC addresses of every other VM's interfaces on the node, lower case
 * @param targetsUsed the VM's own disk targets, live and saved
 * @param interfaces  the node's host interfaces, for macvtap
 * @param bridges     the node's host bridges
 */
public record DeviceChoices(NodeFacts facts, Map<String, List<String>> users, Set<String> macsInUse,
                            Set<String> targetsUsed, List<String> interfaces, List<String> bridges) {

    /** The other VMs using this volume or path. */
    public List<String> usersOf(String key) {
        return users.getOrDefault(key, List.of());
    }
}
