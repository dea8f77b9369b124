/**
 * The rules for changing a VM after it exists, shared by the Hardware and XML tabs (and any command
 * that changes a VM): MAC addresses, target names free for a bus, names and sizes of new volumes,
 * paths on the node, vCPU, topology, memory and boot bounds, and what an edited domain XML must keep.
 * Pure functions over {@code model}; may import {@code model}, {@code service.create}'s size parser
 * and the JDK's XML parser only; no JavaFX, no libvirt.
 */
package org.vireo.service.device;
