/**
 * The device rules shared by the Hardware tab's forms (and any command that changes devices): MAC
 * addresses, target names free for a bus, names and sizes of new volumes, paths on the node. Pure
 * functions over {@code model}; may import {@code model} and {@code service.create}'s size parser
 * only; no JavaFX, no libvirt.
 */
package org.vireo.service.device;
