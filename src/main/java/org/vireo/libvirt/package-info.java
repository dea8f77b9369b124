/**
 * The only package that imports {@code org.libvirt}: node connections (one worker thread each),
 * libvirt's process-wide event loop, and reading domains into Vireo's model records.
 * Nothing leaves this package as a libvirt type or a {@code LibvirtException}.
 */
package org.vireo.libvirt;
