package org.vireo.libvirt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.NodeFacts;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.service.create.CreationStep;
import org.vireo.service.create.VmSpec;

/**
 * Turns a {@link VmSpec} into volumes and a domain on one node, step by step, and undoes every
 * step already done when a later one fails: nothing is left half-made. Runs on the node's worker.
 */
final class VmCreator {

    private static final Logger LOG = LoggerFactory.getLogger(VmCreator.class);

    /** One thing to take back if a later step fails. */
    private interface Undo {
        void run() throws LibvirtException;
    }

    private VmCreator() {
    }

    /** Returns the new domain's UUID. */
    static String create(VireoConnect conn, VmSpec spec, NodeFacts facts, SeedImage seeds, Consumer<CreationStep> progress) {
        DomainXmlBuilder.Layout layout = DomainXmlBuilder.Layout.of(spec, facts);
        List<String> steps = new ArrayList<>();
        if (spec.disk() instanceof VmSpec.DiskChoice.NewDisk) {
            steps.add(Texts.get("create.step.disk", layout.diskVolume()));
        }
        if (spec.cloudInit().isPresent()) {
            steps.add(Texts.get("create.step.seed", layout.seedVolume()));
        }
        steps.add(Texts.get("create.step.define", spec.name()));
        if (spec.startAfterCreation()) {
            steps.add(Texts.get("create.step.start", spec.name()));
        }
        Deque<Undo> undo = new ArrayDeque<>();
        int index = 0;
        String current = "";
        try {
            if (spec.disk() instanceof VmSpec.DiskChoice.NewDisk disk) {
                current = steps.get(index);
                progress.accept(new CreationStep(current, ++index, steps.size(), false));
                StorageVol vol = createVolume(conn, disk.pool(), layout.diskVolume(), disk.sizeBytes(), disk.format());
                undo.push(() -> deleteVolume(vol, layout.diskVolume()));
            }
            if (spec.cloudInit().isPresent()) {
                current = steps.get(index);
                progress.accept(new CreationStep(current, ++index, steps.size(), false));
                VmSpec.DiskChoice.NewDisk disk = (VmSpec.DiskChoice.NewDisk) spec.disk();
                byte[] iso = seeds.build(spec);
                StorageVol seed = createVolume(conn, disk.pool(), layout.seedVolume(), iso.length, "raw");
                undo.push(() -> deleteVolume(seed, layout.seedVolume()));
                SeedImage.upload(conn, seed, iso);
            }
            current = steps.get(index);
            progress.accept(new CreationStep(current, ++index, steps.size(), false));
            Domain domain = DomainDefinition.define(conn, DomainXmlBuilder.domain(spec, facts), Texts.get("op.define"));
            undo.push(() -> {
                if (domain.isActive() == 1) {
                    domain.destroy();
                }
                domain.undefine(1 | 2);
            });
            if (spec.startAfterCreation()) {
                current = steps.get(index);
                progress.accept(new CreationStep(current, ++index, steps.size(), false));
                domain.create();
            }
            String uuid = domain.getUUIDString();
            domain.free();
            return uuid;
        } catch (LibvirtException | OperationException e) {
            String detail = e instanceof LibvirtException le ? LibvirtErrors.message(le) : ((OperationException) e).detail();
            rollBack(undo, progress, steps.size());
            throw new OperationException(current, detail);
        }
    }

    /**
     * Removes a VM this code made and has not started ("customize before install", then Cancel): the domain (with its
     * NVRAM) and the volumes the creation made for it (its new disk, its cloud-init seed); never an ISO or a volume
     * that existed before.
     */
    static void discard(VireoConnect conn, String uuid, VmSpec spec, NodeFacts facts) throws LibvirtException {
        DomainXmlBuilder.Layout layout = DomainXmlBuilder.Layout.of(spec, facts);
        Domain domain = conn.domainLookupByUUIDString(uuid);
        try {
            boolean nvram = DomainXml.parse(domain.getXMLDesc(0)).hasNvram();   // drivers without UEFI refuse the NVRAM flag
            if (domain.isActive() == 1) {
                domain.destroy();
            }
            domain.undefine(1 | 2 | (nvram ? 4 : 0));   // managed save, snapshot metadata, NVRAM
        } finally {
            domain.free();
        }
        if (spec.disk() instanceof VmSpec.DiskChoice.NewDisk disk) {
            deleteIfThere(conn, disk.pool(), layout.diskVolume());
            if (spec.cloudInit().isPresent()) {
                deleteIfThere(conn, disk.pool(), layout.seedVolume());
            }
        }
    }

    private static void deleteIfThere(VireoConnect conn, String poolName, String name) throws LibvirtException {
        StoragePool pool = conn.storagePoolLookupByName(poolName);
        boolean there;
        try {
            there = List.of(pool.listVolumes()).contains(name);
        } finally {
            pool.free();
        }
        if (there) {
            StoragePools.deleteVolume(conn, poolName, name);   // the shared delete: refused if another VM took it meanwhile
        }
    }

    private static StorageVol createVolume(VireoConnect conn, String poolName, String name, long bytes, String format)
            throws LibvirtException {
        StoragePool pool = conn.storagePoolLookupByName(poolName);
        try {
            return pool.storageVolCreateXML(DomainXmlBuilder.volume(name, bytes, format), 0);
        } finally {
            pool.free();
        }
    }

    private static void deleteVolume(StorageVol vol, String name) throws LibvirtException {
        vol.delete(0);
        vol.free();
        LOG.info("Rolled back: deleted the volume {}", name);
    }

    private static void rollBack(Deque<Undo> undo, Consumer<CreationStep> progress, int total) {
        int undone = 0;
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
                undone++;
            } catch (LibvirtException e) {
                LOG.error("Rolling back a failed creation left something behind: {}", LibvirtErrors.message(e));
            }
        }
        progress.accept(new CreationStep(Texts.get("create.undone", undone), total, total, true));
    }
}
