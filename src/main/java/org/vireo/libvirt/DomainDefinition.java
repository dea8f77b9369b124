package org.vireo.libvirt;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.vireo.model.OperationException;

/** Defines a domain from XML with libvirt's schema validation, the way every whole-definition change is sent. */
final class DomainDefinition {

    private static final int DEFINE_VALIDATE = 1;
    private static final int VIR_ERR_INVALID_ARG = 8;

    private DomainDefinition() {
    }

    /**
     * Defines {@code xml} (VIR_DOMAIN_DEFINE_VALIDATE); drivers that refuse the flag get the plain define.
     * A refusal is thrown as an {@link OperationException} named {@code what}, with libvirt's own words.
     */
    static Domain define(VireoConnect conn, String xml, String what) throws LibvirtException {
        Pointer defined = LibvirtNative.INSTANCE.virDomainDefineXMLFlags(conn.nativePointer(), xml, DEFINE_VALIDATE);
        if (defined == null) {
            org.libvirt.jna.virError error = Libvirt.INSTANCE.virGetLastError();
            boolean flagRefused = error != null && error.code == VIR_ERR_INVALID_ARG && String.valueOf(error.message).contains("flags");
            if (!flagRefused) {
                throw new OperationException(what, LastError.take());
            }
            LastError.take();
            try {
                return conn.domainDefineXML(xml);
            } catch (LibvirtException e) {
                throw new OperationException(what, LibvirtErrors.message(e));
            }
        }
        byte[] uuid = new byte[37];
        LibvirtNative.INSTANCE.virDomainGetUUIDString(defined, uuid);
        LibvirtNative.INSTANCE.virDomainFree(defined);
        return conn.domainLookupByUUIDString(new String(uuid, 0, 36, StandardCharsets.US_ASCII));
    }
}
