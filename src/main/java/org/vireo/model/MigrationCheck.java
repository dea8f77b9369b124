package org.vireo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a destination node said about taking a VM, before anything starts: the problems that rule it out (each in
 * plain words, naming the network, pool or figure), and what a storage copy would have to move.
 *
 * @param nodeId        the destination's {@link NodeRef#id()}
 * @param nodeName      the destination's name, as the user knows it
 * @param problems      why the destination cannot take the VM whatever the options; empty when it can
 * @param freeMemory    the destination's free memory, in bytes
 * @param localDisks    the VM's disks on the source node's own storage (not shared): a live move must copy them
 * @param pools         the destination's running pools, with their free space, for the copied disks
 */
public record MigrationCheck(String nodeId, String nodeName, List<String> problems, long freeMemory, List<Disk> localDisks,
                             List<Pool> pools) {

    /** A disk a storage copy moves: its target ({@code vda}), path and pool on the source, size and format. */
    public record Disk(String target, String path, String pool, String volume, long capacity, String format) {
    }

    /** A running pool on the destination. */
    public record Pool(String name, String path, long available) {
    }

    public MigrationCheck {
        Objects.requireNonNull(nodeId, "nodeId");
        problems = List.copyOf(problems);
        localDisks = List.copyOf(localDisks);
        pools = List.copyOf(pools);
    }

    /** A destination that could not even be asked (not connected, failed): the reason is its only problem. */
    public static MigrationCheck unreachable(String nodeId, String nodeName, String reason) {
        return new MigrationCheck(nodeId, nodeName, List.of(reason), 0, List.of(), List.of());
    }

    /** Everything that stops this move with these options; empty when it may start. */
    public List<String> problemsWith(MigrationOptions options) {
        List<String> all = new ArrayList<>(problems);
        if (options.live() && options.peerUri().isBlank()) {
            all.add(Texts.get("migrate.problem.peerUri", nodeName));
        }
        if (localDisks.isEmpty()) {
            return all;
        }
        if (!options.copyStorage()) {
            if (options.live()) {
                all.add(Texts.get("migrate.problem.localDisks", targets()));
            }
            return all;
        }
        long needed = localDisks.stream().mapToLong(Disk::capacity).sum();
        if (!options.targetPool().isEmpty()) {
            Pool chosen = pools.stream().filter(p -> p.name().equals(options.targetPool())).findFirst().orElse(null);
            if (chosen == null) {
                all.add(Texts.get("migrate.problem.noPool", options.targetPool(), nodeName));
            } else if (chosen.available() < needed) {
                all.add(Texts.get("migrate.problem.poolFull", chosen.name(), nodeName, new ByteSize(chosen.available()).toHuman(),
                        new ByteSize(needed).toHuman()));
            }
            return all;
        }
        for (String pool : localDisks.stream().map(Disk::pool).distinct().toList()) {
            if (pool.isEmpty()) {
                all.add(Texts.get("migrate.problem.noSourcePool", nodeName));
            } else if (pools.stream().noneMatch(p -> p.name().equals(pool))) {
                all.add(Texts.get("migrate.problem.noPool", pool, nodeName));
            } else {
                long inPool = localDisks.stream().filter(d -> d.pool().equals(pool)).mapToLong(Disk::capacity).sum();
                Pool there = pools.stream().filter(p -> p.name().equals(pool)).findFirst().orElseThrow();
                if (there.available() < inPool) {
                    all.add(Texts.get("migrate.problem.poolFull", pool, nodeName, new ByteSize(there.available()).toHuman(),
                            new ByteSize(inPool).toHuman()));
                }
            }
        }
        return all;
    }

    private String targets() {
        return String.join(", ", localDisks.stream().map(Disk::target).toList());
    }
}
