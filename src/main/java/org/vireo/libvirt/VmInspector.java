package org.vireo.libvirt;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.vireo.model.Texts;
import org.vireo.model.VmDetails;
import org.vireo.model.VmDevice;
import org.vireo.model.VmDisk;
import org.vireo.model.VmSummary;

/** Reads and edits what the details view shows; runs on the VM's node worker. */
final class VmInspector {

    private static final int AFFECT_LIVE = 1;
    private static final int AFFECT_CONFIG = 2;
    private static final int METADATA_DESCRIPTION = 0;
    private static final int METADATA_TITLE = 1;

    // virDomain*Reason names, per state number (libvirt's own words, as virsh domstate --reason prints them); shown via vm.reason.* texts.
    private static final String[][] REASONS = {
            {"unknown"},
            {"unknown", "booted", "migrated", "restored", "from snapshot", "unpaused", "migration canceled",
                    "save canceled", "event wakeup", "crashed", "post-copy", "post-copy failed"},
            {"unknown"},
            {"unknown", "user", "migrating", "saving", "dumping", "I/O error", "watchdog", "from snapshot",
                    "shutting down", "creating snapshot", "crashed", "starting up", "post-copy", "post-copy failed", "api error"},
            {"unknown", "user"},
            {"unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from snapshot", "daemon"},
            {"unknown", "panicked"},
            {"unknown"}};

    private VmInspector() {
    }

    static VmDetails details(VireoConnect conn, VmSummary vm) throws LibvirtException {
        Domain domain = conn.domainLookupByUUIDString(vm.uuid());
        try {
            String xml = domain.getXMLDesc(0);
            DomainXml parsed = DomainXml.parse(xml);
            List<VmDetails.DiskDetail> disks = new ArrayList<>();
            Map<VmDisk, VmDetails.DiskDetail> storage = new HashMap<>();
            for (VmDisk disk : parsed.disks()) {
                VmDetails.DiskDetail detail = diskDetail(conn, disk);
                disks.add(detail);
                storage.put(disk, detail);
            }
            Function<VmDisk, VmDetails.DiskDetail> capacity = disk -> storage.computeIfAbsent(disk, d -> diskDetail(conn, d));
            List<VmDevice> devices = DeviceReader.read(xml, capacity);
            if (domain.isActive() == 1 && domain.isPersistent() == 1) {
                // What was saved for the next start and is not live yet is marked on its device.
                devices = DeviceReader.withPending(devices, DeviceReader.read(domain.getXMLDesc(DomainXmlFlags.INACTIVE), capacity));
            }
            return new VmDetails(DomainReader.read(vm.nodeId(), domain), parsed.title(), parsed.description(),
                    parsed.osType(), stateReason(conn, vm.uuid()), parsed.maxVcpus(), domain.getMaxMemory() * 1024L,
                    disks, parsed.nics(), vm.state().isActive() ? GuestAddresses.of(conn, vm.uuid()) : List.of(), xml,
                    parsed.platform(), devices, domain.isPersistent() == 1 && domain.getAutostart());
        } finally {
            domain.free();
        }
    }

    private static VmDetails.DiskDetail diskDetail(VireoConnect conn, VmDisk disk) {
        StorageVol vol = DiskVolumes.of(conn, disk);
        try {
            if (vol == null) {
                return new VmDetails.DiskDetail(disk, "", -1);
            }
            return new VmDetails.DiskDetail(disk, vol.storagePoolLookupByVolume().getName() + "/" + vol.getName(),
                    VolumeXml.capacity(vol));
        } catch (LibvirtException notAVolume) {
            return new VmDetails.DiskDetail(disk, "", -1);
        } finally {
            DiskVolumes.free(vol);
        }
    }

    private static String stateReason(VireoConnect conn, String uuid) {
        Pointer domain = LibvirtNative.INSTANCE.virDomainLookupByUUIDString(conn.nativePointer(), uuid);
        if (domain == null) {
            return "";
        }
        try {
            IntByReference state = new IntByReference();
            IntByReference reason = new IntByReference();
            if (LibvirtNative.INSTANCE.virDomainGetState(domain, state, reason, 0) < 0) {
                return "";
            }
            String[] names = state.getValue() >= 0 && state.getValue() < REASONS.length ? REASONS[state.getValue()] : new String[0];
            String name = reason.getValue() >= 0 && reason.getValue() < names.length ? names[reason.getValue()] : "unknown";
            // A reason libvirt does not know is no reason: "Running", not "Running (unknown)".
            return name.equals("unknown") ? "" : Texts.get("vm.reason." + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        } finally {
            LibvirtNative.INSTANCE.virDomainFree(domain);
        }
    }

    static void setOverview(VireoConnect conn, VmSummary vm, String title, String description) throws LibvirtException {
        Domain domain = conn.domainLookupByUUIDString(vm.uuid());
        try {
            int flags = flags(domain);
            // An empty value removes the element; libvirt keeps the text as text.
            domain.setMetadata(METADATA_TITLE, title.isBlank() ? null : title.strip().replace('\n', ' '), null, null, flags);
            domain.setMetadata(METADATA_DESCRIPTION, description.isBlank() ? null : description, null, null, flags);
        } finally {
            domain.free();
        }
    }

    static void setAutostart(VireoConnect conn, VmSummary vm, boolean on) throws LibvirtException {
        Domain domain = conn.domainLookupByUUIDString(vm.uuid());
        try {
            domain.setAutostart(on);
        } finally {
            domain.free();
        }
    }

    private static int flags(Domain domain) throws LibvirtException {
        return (domain.isPersistent() == 1 ? AFFECT_CONFIG : 0) | (domain.isActive() == 1 ? AFFECT_LIVE : 0);
    }
}
