package org.vireo.libvirt;

import java.util.ArrayList;
import java.util.List;
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

    static List<VmSummary> readAll(String nodeId, Connect conn) throws LibvirtException {
        Domain[] domains = conn.listAllDomains(0);
        List<VmSummary> vms = new ArrayList<>(domains.length);
        for (Domain domain : domains) {
            try {
                vms.add(read(nodeId, domain));
            } catch (LibvirtException e) {
                // Undefined between the list and the read: it is simply gone.
                if (!isNoSuchDomain(e)) {
                    throw e;
                }
            } finally {
                domain.free();
            }
        }
        vms.sort(java.util.Comparator.comparing(VmSummary::name));
        return vms;
    }

    static VmSummary read(String nodeId, Domain domain) throws LibvirtException {
        DomainInfo info = domain.getInfo();
        return new VmSummary(nodeId, domain.getUUIDString(), domain.getName(),
                VmState.fromLibvirtCode(info.state.ordinal()), info.nrVirtCpu, info.memory * 1024L);
    }

    static boolean isNoSuchDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == org.libvirt.Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }
}
