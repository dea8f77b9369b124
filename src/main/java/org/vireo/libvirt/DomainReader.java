package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.vireo.model.VmState;
import org.vireo.model.VmSummary;

/** Reads libvirt domains into {@link VmSummary} records. */
final class DomainReader {

    private DomainReader() {
    }

    // virConnectListAllDomainsFlags
    private static final int LIST_TRANSIENT = 8;
    private static final int LIST_MANAGEDSAVE = 256;
    private static final int LIST_AUTOSTART = 1024;
    private static final int METADATA_ELEMENT = 2;

    static List<VmSummary> readAll(String nodeId, Connect conn) throws LibvirtException {
        // Two extra list calls answer persistence and managed save for every domain at once.
        Set<String> transientUuids = uuids(conn.listAllDomains(LIST_TRANSIENT));
        Set<String> savedUuids = uuids(conn.listAllDomains(LIST_MANAGEDSAVE));
        Set<String> autostartUuids = uuids(conn.listAllDomains(LIST_AUTOSTART));
        Domain[] domains = conn.listAllDomains(0);
        List<VmSummary> vms = new ArrayList<>(domains.length);
        for (Domain domain : domains) {
            try {
                String uuid = domain.getUUIDString();
                vms.add(read(nodeId, domain, !transientUuids.contains(uuid), savedUuids.contains(uuid),
                        autostartUuids.contains(uuid)));
            } catch (LibvirtException e) {
                // Undefined between the list and the read: it is simply gone.
                if (!isNoSuchDomain(e)) {
                    throw e;
                }
            } finally {
                domain.free();
            }
        }
        vms.sort(Comparator.comparing(VmSummary::name));
        return vms;
    }

    static VmSummary read(String nodeId, Domain domain) throws LibvirtException {
        boolean persistent = domain.isPersistent() == 1;
        return read(nodeId, domain, persistent, domain.hasManagedSaveImage() == 1, persistent && domain.getAutostart());
    }

    private static VmSummary read(String nodeId, Domain domain, boolean persistent, boolean managedSave, boolean autostart)
            throws LibvirtException {
        DomainInfo info = domain.getInfo();
        return new VmSummary(nodeId, domain.getUUIDString(), domain.getName(),
                VmState.fromLibvirtCode(info.state.ordinal()), info.nrVirtCpu, info.memory * 1024L,
                persistent, managedSave, autostart, tags(domain));
    }

    static List<String> tags(Domain domain) throws LibvirtException {
        try {
            return VireoTags.fromXml(domain.getMetadata(METADATA_ELEMENT, VireoTags.NAMESPACE, 0));
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == org.libvirt.Error.ErrorNumber.VIR_ERR_NO_DOMAIN_METADATA) {
                return List.of();
            }
            throw e;
        }
    }

    private static Set<String> uuids(Domain[] domains) throws LibvirtException {
        Set<String> uuids = new HashSet<>();
        for (Domain domain : domains) {
            try {
                uuids.add(domain.getUUIDString());
            } finally {
                domain.free();
            }
        }
        return uuids;
    }

    static boolean isNoSuchDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == org.libvirt.Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }
}
