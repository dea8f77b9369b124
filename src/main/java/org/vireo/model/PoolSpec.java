package org.vireo.model;

/**
 * A storage pool to create. Which fields count depends on {@code type}:
 * dir (target), fs (sourceDevice, target), netfs (sourceHost, sourcePath, target), logical (sourceName
 * and, to build a new group, sourceDevice), iscsi (sourceHost, sourcePath = the target's IQN), custom
 * ({@code customXml} as typed).
 *
 * @param build    libvirt's pool build first (make the directory, format the device, create the volume group)
 * @param start    start it now; when it will not start, the new pool is removed again and libvirt's reason given
 */
public record PoolSpec(String type, String name, String target, String sourceHost, String sourcePath, String sourceDevice,
                       String sourceName, boolean build, boolean start, boolean autostart, String customXml) {
}
