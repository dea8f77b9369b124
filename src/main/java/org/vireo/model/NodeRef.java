package org.vireo.model;

import java.util.Objects;

/**
 * One hypervisor node Vireo talks to: a libvirt connection URI with a display name.
 *
 * @param id   stable key within this run ("conn-7" for a saved connection, "cli-1" for --connect)
 * @param name what the user sees
 * @param uri  the libvirt URI, exactly as libvirt takes it
 */
public record NodeRef(String id, String name, String uri) {
    public NodeRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
    }
}
