package org.vireo.libvirt;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.ConnectAuth;
import org.libvirt.LibvirtException;

/**
 * A libvirt-java connection that hands its native pointer to our own bindings
 * ({@link LibvirtNative}) for the calls libvirt-java 0.5.4 lacks. {@code vcp} is protected,
 * so a subclass is the supported way to reach it.
 */
final class VireoConnect extends Connect {

    VireoConnect(String uri) throws LibvirtException {
        super(uri);
    }

    VireoConnect(String uri, ConnectAuth auth) throws LibvirtException {
        super(uri, auth, 0);
    }

    Pointer nativePointer() {
        return vcp.getPointer();
    }
}
