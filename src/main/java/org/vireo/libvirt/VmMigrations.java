package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.libvirt.TypedUlongParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vireo.model.ByteSize;
import org.vireo.model.MigrationCheck;
import org.vireo.model.MigrationOptions;
import org.vireo.model.OperationException;
import org.vireo.model.StoragePoolInfo;
import org.vireo.model.Texts;
import org.vireo.model.VmDisk;
import org.vireo.model.VmSummary;
import org.vireo.service.LongJob;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Moving a VM between nodes. The source's facts are read on its worker ({@link #source}), the destination judges them on
 * its own ({@link #check}); the move itself runs on a transfer thread with both connections: a live move is libvirt's
 * peer-to-peer migration (the source's libvirtd talks to the destination's at the peer URI, QEMU's data goes to the
 * destination's address or through the daemons' tunnel), its figures read from libvirt's job statistics twice a second
 * and its Cancel an abort of that job; an offline move defines the VM on the destination (its disks first copied over
 * libvirt's streams when asked) and removes it from the source only once the destination holds it. Whatever fails
 * leaves the source as it was and removes what was made on the destination.
 */
final class VmMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(VmMigrations.class);
    /** Pools whose volumes every node of a cluster sees: their disks need no copy. */
    private static final Set<String> SHARED_POOLS = Set.of("netfs", "iscsi", "iscsi-direct", "rbd", "gluster", "sheepdog", "mpath",
            "vstorage");
    /** The port in libvirt's "unable to connect to server at 'host:port'". */
    private static final Pattern PORT = Pattern.compile(":(\\d+)'");
    // virDomainXMLFlags, virDomainUndefineFlags, virDomainGetJobStats flags
    private static final int UNDEFINE_KEEP_NVRAM = 8;
    private static final int JOB_STATS_COMPLETED = 1;
    /** Read the completed job's figures without discarding them: virsh domjobinfo --completed still shows them. */
    private static final int JOB_STATS_KEEP_COMPLETED = 2;

    private VmMigrations() {
    }

    /** What the source node knows of the VM, read on its worker. */
    record Source(String nodeName, String name, String uuid, boolean running, String driver, String domainType, String arch,
                  String machine, String emulator, long memoryBytes, String cpuXml, List<String> networks, List<String> bridges,
                  List<MigrationCheck.Disk> localDisks, List<String> mediaVolumes, List<String> problems, String hostUuid) {
    }

    static Source source(VireoConnect conn, VmSummary vm, String nodeName) throws LibvirtException {
        Domain domain = VmOperations.lookup(conn, vm);
        try {
            boolean running = domain.isActive() == 1;
            Element root = XmlElements.parse(domain.getXMLDesc(0)).getDocumentElement();
            Element os = XmlElements.child(root, "os");
            Element osType = os == null ? null : XmlElements.child(os, "type");
            Element devices = XmlElements.child(root, "devices");
            List<String> networks = new ArrayList<>();
            List<String> bridges = new ArrayList<>();
            for (Element nic : XmlElements.children(devices, "interface")) {
                Element source = XmlElements.child(nic, "source");
                if (source != null && nic.getAttribute("type").equals("network")) {
                    networks.add(source.getAttribute("network"));
                } else if (source != null && nic.getAttribute("type").equals("bridge")) {
                    bridges.add(source.getAttribute("bridge"));
                }
            }
            List<MigrationCheck.Disk> local = new ArrayList<>();
            List<String> media = new ArrayList<>();
            for (Element element : XmlElements.children(devices, "disk")) {
                VmDisk disk = DomainXml.disk(element);
                if (!disk.storedOnNode() || disk.shareable()) {
                    continue;
                }
                StorageVol vol = DiskVolumes.of(conn, disk);
                try {
                    if (disk.readOnly() || disk.isDrive()) {
                        if (vol != null) {
                            media.add(vol.getPath());
                        }
                        continue;
                    }
                    local.addAll(localDisk(disk, vol));
                } finally {
                    DiskVolumes.free(vol);
                }
            }
            List<String> problems = new ArrayList<>();
            int snapshots = domain.snapshotNum();
            if (snapshots > 0) {
                problems.add(Texts.get("migrate.problem.snapshots", vm.name(), snapshots));
            }
            if (!running && domain.hasManagedSaveImage() == 1) {
                problems.add(Texts.get("migrate.problem.managedSave", vm.name()));
            }
            String cpu = "";
            Element cpuElement = XmlElements.child(root, "cpu");
            if (running && cpuElement != null && XmlElements.child(cpuElement, "model") != null) {
                Document only = XmlElements.parse("<cpu/>");
                only.replaceChild(only.importNode(cpuElement, true), only.getDocumentElement());
                cpu = DomainXmlBuilder.serialize(only);
            }
            String emulator = devices == null ? "" : XmlElements.childText(devices, "emulator");
            return new Source(nodeName, vm.name(), vm.uuid(), running, conn.getType(), root.getAttribute("type"),
                    osType == null ? "" : osType.getAttribute("arch"), osType == null ? "" : osType.getAttribute("machine"),
                    emulator == null ? "" : emulator, vm.memoryBytes(), cpu, networks, bridges, local, media, problems,
                    hostUuid(conn));
        } finally {
            domain.free();
        }
    }

    /** The disk as one a storage copy moves, or nothing when its storage is shared between nodes. */
    private static List<MigrationCheck.Disk> localDisk(VmDisk disk, StorageVol vol) throws LibvirtException {
        if (vol == null) {
            return List.of(new MigrationCheck.Disk(disk.target(), disk.path(), "", "", 0, disk.format()));
        }
        StoragePool pool = vol.storagePoolLookupByVolume();
        try {
            String type = XmlElements.parse(pool.getXMLDesc(0)).getDocumentElement().getAttribute("type");
            if (SHARED_POOLS.contains(type)) {
                return List.of();
            }
            String format = VolumeXml.format(vol.getXMLDesc(0));
            return List.of(new MigrationCheck.Disk(disk.target(), vol.getPath(), pool.getName(), vol.getName(), VolumeXml.capacity(vol),
                    format.isEmpty() ? disk.format() : format));
        } finally {
            pool.free();
        }
    }

    private static String hostUuid(Connect conn) throws LibvirtException {
        Element host = XmlElements.child(XmlElements.parse(conn.getCapabilities()).getDocumentElement(), "host");
        String uuid = host == null ? null : XmlElements.childText(host, "uuid");
        return uuid == null ? "" : uuid;
    }

    /** The destination's verdict, on its own worker: every reason it cannot take the VM, in plain words. */
    static MigrationCheck check(VireoConnect dest, Source vm, String destId, String destName) throws LibvirtException {
        List<String> problems = new ArrayList<>(vm.problems());
        Element caps = XmlElements.parse(dest.getCapabilities()).getDocumentElement();
        Element host = XmlElements.child(caps, "host");
        String hostUuid = host == null ? "" : String.valueOf(XmlElements.childText(host, "uuid"));
        if (!vm.hostUuid().isEmpty() && vm.hostUuid().equals(hostUuid)) {
            problems.add(Texts.get("migrate.problem.sameHost", destName, vm.nodeName()));
        }
        String driver = dest.getType();
        if (!driver.equalsIgnoreCase(vm.driver())) {
            problems.add(Texts.get("migrate.problem.driver", destName, driverName(driver), driverName(vm.driver())));
        } else if (!offers(caps, vm.arch(), vm.domainType())) {
            problems.add(Texts.get("migrate.problem.arch", destName, vm.arch(), vm.domainType()));
        }
        if (vm.running() && driver.equalsIgnoreCase("test")) {
            problems.add(Texts.get("migrate.problem.testDriver"));
        }
        sameVm(dest, vm, destName, problems);
        for (String network : vm.networks().stream().distinct().toList()) {
            try {
                Network net = dest.networkLookupByName(network);
                try {
                    if (vm.running() && net.isActive() != 1) {
                        problems.add(Texts.get("migrate.problem.networkStopped", network, destName));
                    }
                } finally {
                    net.free();
                }
            } catch (LibvirtException missing) {
                problems.add(Texts.get("migrate.problem.network", network, destName));
            }
        }
        if (!vm.bridges().isEmpty()) {
            List<String> there = VmDevices.hostInterfaces(dest).bridges();
            vm.bridges().stream().distinct().filter(b -> !there.contains(b))
                    .forEach(b -> problems.add(Texts.get("migrate.problem.bridge", b, destName)));
        }
        for (String media : vm.mediaVolumes()) {
            try {
                dest.storageVolLookupByPath(media).free();
            } catch (LibvirtException missing) {
                problems.add(Texts.get("migrate.problem.media", media, destName));
            }
        }
        long free = freeMemory(dest);
        if (vm.running() && free < vm.memoryBytes()) {
            problems.add(Texts.get("migrate.problem.memory", destName, new ByteSize(free).toHuman(), new ByteSize(vm.memoryBytes()).toHuman()));
        }
        if (vm.running() && !vm.cpuXml().isEmpty() && !driver.equalsIgnoreCase("test")) {
            int verdict = LibvirtNative.INSTANCE.virConnectCompareHypervisorCPU(dest.nativePointer(), null, vm.arch(), vm.machine(),
                    vm.domainType(), vm.cpuXml(), 0);
            if (verdict == LibvirtNative.CPU_INCOMPATIBLE) {
                problems.add(Texts.get("migrate.problem.cpu", destName));
            } else if (verdict < 0) {
                LOG.info("{} could not compare the CPU of {}: {}", destName, vm.name(), LastError.take());
            }
        }
        List<MigrationCheck.Pool> pools = new ArrayList<>();
        for (StoragePoolInfo pool : StoragePools.pools(dest)) {
            if (pool.active()) {
                pools.add(new MigrationCheck.Pool(pool.name(), pool.path(), pool.availableBytes()));
            }
        }
        for (MigrationCheck.Disk disk : vm.localDisks()) {
            if (!disk.volume().isEmpty() && volumeExists(dest, disk.pool(), disk.volume())) {
                problems.add(Texts.get("migrate.problem.volumeExists", disk.volume(), disk.pool(), destName));
            }
        }
        return new MigrationCheck(destId, destName, problems, free, vm.localDisks(), pools);
    }

    /**
     * The node's free memory; where the driver cannot say (a test-driver node file without NUMA cells), its memory less
     * what its running VMs hold.
     */
    static long freeMemory(Connect conn) throws LibvirtException {
        try {
            return conn.getFreeMemory();
        } catch (LibvirtException unknown) {
            long free = conn.nodeInfo().memory * 1024;
            for (int id : conn.listDomains()) {
                try {
                    Domain running = conn.domainLookupByID(id);
                    try {
                        free -= running.getInfo().memory * 1024;
                    } finally {
                        running.free();
                    }
                } catch (LibvirtException gone) {
                    // stopped meanwhile
                }
            }
            return Math.max(0, free);
        }
    }

    private static void sameVm(Connect dest, Source vm, String destName, List<String> problems) {
        try {
            Domain named = dest.domainLookupByName(vm.name());
            named.free();
            problems.add(Texts.get("migrate.problem.name", destName, vm.name()));
        } catch (LibvirtException none) {
            // the name is free there
        }
        try {
            Domain same = dest.domainLookupByUUIDString(vm.uuid());
            try {
                if (!same.getName().equals(vm.name())) {
                    problems.add(Texts.get("migrate.problem.uuid", destName, same.getName()));
                }
            } finally {
                same.free();
            }
        } catch (LibvirtException none) {
            // the UUID is free there
        }
    }

    /** libvirt's driver name as a user knows it: "QEMU", "LXC", "Xen"; the test driver by that name. */
    private static String driverName(String type) {
        return type.equalsIgnoreCase("test") ? Texts.get("migrate.testDriver") : type;
    }

    /** Whether the capabilities offer a guest of {@code arch} with the domain type {@code type} (qemu, kvm). */
    private static boolean offers(Element caps, String arch, String type) {
        for (Element guest : XmlElements.children(caps, "guest")) {
            Element archElement = XmlElements.child(guest, "arch");
            if (archElement != null && (arch.isEmpty() || archElement.getAttribute("name").equals(arch))) {
                for (Element domain : XmlElements.children(archElement, "domain")) {
                    if (type.isEmpty() || domain.getAttribute("type").equals(type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean volumeExists(Connect conn, String poolName, String volume) {
        try {
            StoragePool pool = conn.storagePoolLookupByName(poolName);
            try {
                pool.storageVolLookupByName(volume).free();
                return true;
            } finally {
                pool.free();
            }
        } catch (LibvirtException e) {
            return false;
        }
    }

    /** A disk copied to the destination: where it was, where it now is. */
    private record Copied(MigrationCheck.Disk from, String pool, String volume, String path) {
    }

    /** Moves the running VM; returns the words to show (where it runs now, how long it took, its downtime). */
    static String live(VireoConnect source, VireoConnect dest, Source vm, String destName, MigrationOptions options, LongJob job)
            throws LibvirtException {
        String what = Texts.get("op.migrate", vm.name(), destName);
        long started = System.nanoTime();
        Domain domain = source.domainLookupByUUIDString(vm.uuid());
        List<Copied> copies = new ArrayList<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "vireo-migration-figures");
            thread.setDaemon(true);
            return thread;
        });
        boolean moved = false;
        try {
            if (options.copyStorage() && !vm.localDisks().isEmpty()) {
                job.progress(0, 0, Texts.get("migrate.creatingVolumes", destName));
                for (MigrationCheck.Disk disk : vm.localDisks()) {
                    copies.add(createTarget(dest, disk, options));
                }
            }
            List<TypedParameter> params = new ArrayList<>();
            if (!options.tunnelled()) {
                String host = options.peerHost();
                params.add(new TypedStringParameter("migrate_uri", "tcp://" + (host.contains(":") ? "[" + host + "]" : host)));
            }
            if (options.bandwidthMiBps() > 0) {
                params.add(new TypedUlongParameter("bandwidth", options.bandwidthMiBps()));
            }
            if (copies.stream().anyMatch(c -> !c.path().equals(c.from().path()))) {
                params.add(new TypedStringParameter("destination_xml",
                        withDisks(domain.getXMLDesc(DomainXmlFlags.SECURE | DomainXmlFlags.MIGRATABLE), copies)));
            }
            for (Copied copy : copies) {
                params.add(new TypedStringParameter("migrate_disks", copy.from().target()));
            }
            int flags = Domain.MigrateFlags.LIVE | Domain.MigrateFlags.PEER2PEER | Domain.MigrateFlags.ABORT_ON_ERROR;
            if (options.tunnelled()) {
                flags |= Domain.MigrateFlags.TUNNELED;
            }
            if (options.persistent()) {
                flags |= Domain.MigrateFlags.PERSIST_DEST | Domain.MigrateFlags.UNDEFINE_SOURCE;
            }
            if (!copies.isEmpty()) {
                flags |= Domain.MigrateFlags.NON_SHARED_DISK;
            }
            AtomicBoolean aborted = new AtomicBoolean();
            Previous previous = new Previous();
            poller.scheduleWithFixedDelay(() -> figures(domain, job, aborted, previous), 300, 500, TimeUnit.MILLISECONDS);
            try {
                domain.migrateToURI(options.peerUri(), params.toArray(TypedParameter[]::new), flags);
            } catch (LibvirtException e) {
                if (job.isCancelled()) {
                    throw new OperationException(what, Texts.get("migrate.cancelled", vm.name(), vm.nodeName()));
                }
                String reason = refusal(e, vm, destName, options);
                throw new OperationException(what, domain.isActive() == 1 ? reason + " " + Texts.get("migrate.runsOn", vm.name(), vm.nodeName())
                        : reason);
            }
            moved = true;
        } finally {
            poller.shutdownNow();
            if (!moved) {
                removeQuietly(dest, copies);
            }
            domain.free();
        }
        String downtime = downtime(dest, vm.uuid());
        if (options.deleteSourceDisks() && options.persistent()) {
            for (Copied copy : copies) {
                deleteQuietly(source, copy.from().path(), vm.nodeName());
            }
        }
        long seconds = Math.max(1, Math.round((System.nanoTime() - started) / 1e9));
        return Texts.get("migrate.done", vm.name(), destName, seconds, downtime);
    }

    /**
     * Where the phase (disks, then memory) began, for a rate of our own where libvirt gives none: averaged over the
     * phase, as the disk copy reports in steps of 16 MiB.
     */
    private static final class Previous {
        private boolean disks;
        private long processed = -1;
        private long nanos;
    }

    /** libvirt's figures of the job under way into {@code job}; a Cancel asked for aborts the job, once. */
    private static void figures(Domain domain, LongJob job, AtomicBoolean aborted, Previous previous) {
        try {
            if (job.isCancelled() && aborted.compareAndSet(false, true)) {
                domain.abortJob();
                return;
            }
            Map<String, Long> stat = new HashMap<>();
            for (TypedParameter parameter : domain.getJobStats(0).stats) {
                if (parameter instanceof TypedUlongParameter ulong) {
                    stat.put(parameter.field, ulong.value);
                }
            }
            long total = stat.getOrDefault("data_total", 0L);
            long remaining = stat.getOrDefault("data_remaining", 0L);
            long processed = stat.getOrDefault("data_processed", 0L);
            if (total <= 0) {
                return;
            }
            long diskTotal = stat.getOrDefault("disk_total", 0L);
            long diskRemaining = stat.getOrDefault("disk_remaining", 0L);
            boolean disks = diskTotal > 0 && diskRemaining > 0;
            // the phase's own counter: while disks copy, data_processed need not move
            long counted = disks ? stat.getOrDefault("disk_processed", 0L) : processed;
            long rate = stat.getOrDefault(disks ? "disk_bps" : "memory_bps", 0L);
            long now = System.nanoTime();
            if (previous.processed < 0 || previous.disks != disks) {
                previous.disks = disks;
                previous.processed = counted;
                previous.nanos = now;
            } else if (rate <= 0 && now - previous.nanos > 500_000_000L) {
                rate = (long) (Math.max(0, counted - previous.processed) / ((now - previous.nanos) / 1e9));
            }
            String note = disks
                    ? Texts.get("migrate.figures.disks", new ByteSize(counted).toHuman(), new ByteSize(diskTotal).toHuman(),
                            new ByteSize(rate).toHuman())
                    : Texts.get("migrate.figures", new ByteSize(processed).toHuman(), new ByteSize(remaining).toHuman(),
                            new ByteSize(rate).toHuman(), new ByteSize(stat.getOrDefault("memory_dirty_rate", 0L)
                                    * stat.getOrDefault("memory_page_size", 4096L)).toHuman());
            job.progress(total - remaining, total, note);
        } catch (LibvirtException | RuntimeException e) {
            LOG.debug("Reading the migration's figures: {}", e.getMessage());
        }
    }

    /** The downtime libvirt measured, in words; empty when the destination does not say. */
    private static String downtime(Connect dest, String uuid) {
        try {
            Domain moved = dest.domainLookupByUUIDString(uuid);
            try {
                for (TypedParameter stat : moved.getJobStats(JOB_STATS_COMPLETED | JOB_STATS_KEEP_COMPLETED).stats) {
                    if (stat.field.equals("downtime") && stat instanceof TypedUlongParameter ms) {
                        return Texts.get("migrate.downtime", ms.value);
                    }
                }
            } finally {
                moved.free();
            }
        } catch (LibvirtException e) {
            LOG.debug("The migration's downtime: {}", LibvirtErrors.message(e));
        }
        return "";
    }

    /** libvirt's refusal in plain words: who could not reach whom where that is what happened. */
    private static String refusal(LibvirtException e, Source vm, String destName, MigrationOptions options) {
        String reason = LibvirtErrors.message(e);
        String lower = reason.toLowerCase();
        boolean connect = lower.contains("unable to connect to server") || lower.contains("no route to host")
                || lower.contains("connection refused") || lower.contains("connection timed out") || lower.contains("could not resolve");
        if (lower.contains("failed to connect to remote libvirt") || lower.contains("ssh:") || connect && !toMigrationPort(lower)) {
            return Texts.get("migrate.unreachableDaemon", vm.nodeName(), destName, options.peerUri(), reason);
        }
        if (connect) {
            return Texts.get("migrate.unreachableData", vm.nodeName(), destName, options.peerHost(), reason);
        }
        if (lower.contains("socket is closed") || lower.contains("end of file") || lower.contains("connection reset")
                || lower.contains("cannot recv data")) {
            return Texts.get("migrate.lost", vm.nodeName(), destName, reason);
        }
        return Texts.get("migrate.refused", destName, reason);
    }

    /** Whether a connection error names a port of QEMU's migration range (49152 on): the data, not the daemon. */
    private static boolean toMigrationPort(String message) {
        Matcher port = PORT.matcher(message);
        return port.find() && Integer.parseInt(port.group(1)) >= 49152;
    }

    /**
     * Moves the shut-off VM's definition (and, when asked, its disks); returns the words to show. The source's definition
     * and disks go only once the destination holds the VM with every disk in place.
     */
    static String offline(VireoConnect source, VireoConnect dest, Source vm, String destName, MigrationOptions options, LongJob job)
            throws LibvirtException {
        String what = Texts.get("op.migrate", vm.name(), destName);
        long started = System.nanoTime();
        Domain domain = source.domainLookupByUUIDString(vm.uuid());
        List<Copied> copies = new ArrayList<>();
        Domain defined = null;
        boolean moved = false;
        try {
            String xml = domain.getXMLDesc(DomainXmlFlags.SECURE | DomainXmlFlags.INACTIVE | DomainXmlFlags.MIGRATABLE);
            if (options.copyStorage()) {
                for (MigrationCheck.Disk disk : vm.localDisks()) {
                    job.progress(job.done(), job.total(), Texts.get("migrate.copying", disk.target(), destName));
                    Copied copy = createTarget(dest, disk, options);
                    copies.add(copy);
                    VolumeTransfers.copy(source, disk.path(), dest, copy.path(), job);
                }
                xml = withDisks(xml, copies);
            }
            job.progress(job.done(), job.total(), Texts.get("migrate.defining", destName));
            try {
                defined = dest.domainDefineXML(xml);
            } catch (LibvirtException e) {
                throw new OperationException(what, Texts.get("migrate.refused", destName, LibvirtErrors.message(e)));
            }
            verify(defined, copies, what, destName);
            job.progress(job.done(), job.total(), Texts.get("migrate.removingSource", vm.nodeName()));
            if (DomainXml.parse(xml).hasNvram()) {
                domain.undefine(UNDEFINE_KEEP_NVRAM);
            } else {
                domain.undefine();
            }
            moved = true;
        } finally {
            if (!moved) {
                if (defined != null) {
                    undefineQuietly(defined, destName);
                }
                removeQuietly(dest, copies);
            }
            if (defined != null) {
                defined.free();
            }
            domain.free();
        }
        for (Copied copy : copies) {
            deleteQuietly(source, copy.from().path(), vm.nodeName());
        }
        long seconds = Math.max(1, Math.round((System.nanoTime() - started) / 1e9));
        return Texts.get("migrate.movedOffline", vm.name(), destName, seconds);
    }

    /** The destination holds the VM and every copied disk is where its definition says (by path, or by pool and volume). */
    private static void verify(Domain defined, List<Copied> copies, String what, String destName) throws LibvirtException {
        Element devices = XmlElements.child(XmlElements.parse(defined.getXMLDesc(DomainXmlFlags.INACTIVE)).getDocumentElement(), "devices");
        for (Copied copy : copies) {
            boolean found = false;
            for (Element element : XmlElements.children(devices, "disk")) {
                VmDisk disk = DomainXml.disk(element);
                found |= disk.target().equals(copy.from().target()) && (disk.path().equals(copy.path())
                        || disk.pool().equals(copy.pool()) && disk.volume().equals(copy.volume()));
            }
            if (!found) {
                throw new OperationException(what, Texts.get("migrate.notVerified", destName, copy.from().target()));
            }
        }
    }

    /** Makes the destination volume for {@code disk}: same name, format and size, in the chosen pool or the same-named one. */
    private static Copied createTarget(VireoConnect dest, MigrationCheck.Disk disk, MigrationOptions options) throws LibvirtException {
        String pool = options.targetPool().isEmpty() ? disk.pool() : options.targetPool();
        String name = disk.volume().isEmpty() ? disk.path().substring(disk.path().lastIndexOf('/') + 1) : disk.volume();
        StoragePools.createVolume(dest, pool, name, disk.format().isEmpty() ? "raw" : disk.format(), disk.capacity(), false, "");
        StoragePool destPool = dest.storagePoolLookupByName(pool);
        try {
            StorageVol vol = destPool.storageVolLookupByName(name);
            try {
                return new Copied(disk, pool, name, vol.getPath());
            } finally {
                vol.free();
            }
        } finally {
            destPool.free();
        }
    }

    /** The domain XML with each copied disk's source at its new place (a file path, or the new pool of a volume source). */
    private static String withDisks(String xml, List<Copied> copies) {
        Document doc = XmlElements.parse(xml);
        Element devices = XmlElements.child(doc.getDocumentElement(), "devices");
        for (Element disk : XmlElements.children(devices, "disk")) {
            Element target = XmlElements.child(disk, "target");
            Element source = XmlElements.child(disk, "source");
            if (target == null || source == null) {
                continue;
            }
            for (Copied copy : copies) {
                if (copy.from().target().equals(target.getAttribute("dev"))) {
                    if (source.hasAttribute("pool")) {
                        source.setAttribute("pool", copy.pool());
                    } else if (source.hasAttribute("dev")) {
                        source.setAttribute("dev", copy.path());
                    } else {
                        source.setAttribute("file", copy.path());
                    }
                }
            }
        }
        return DomainXmlBuilder.serialize(doc);
    }

    private static void removeQuietly(Connect dest, List<Copied> copies) {
        for (Copied copy : copies) {
            deleteQuietly(dest, copy.path(), "");
        }
    }

    private static void deleteQuietly(Connect conn, String path, String nodeName) {
        try {
            StorageVol vol = conn.storageVolLookupByPath(path);
            try {
                vol.delete(0);
            } finally {
                vol.free();
            }
        } catch (LibvirtException e) {
            LOG.warn("The volume {} {} could not be deleted: {}", path, nodeName, LibvirtErrors.message(e));
        }
    }

    private static void undefineQuietly(Domain domain, String destName) {
        try {
            domain.undefine();
        } catch (LibvirtException e) {
            LOG.warn("The half-moved VM could not be removed from {}: {}", destName, LibvirtErrors.message(e));
        }
    }
}
