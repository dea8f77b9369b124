/**
 * Vireo's own vocabulary: immutable records (nodes, VMs, states, sizes) and the small service
 * interfaces that view models talk to. Plain Java only: no JavaFX, no libvirt, no JDBC.
 */
package org.vireo.model;
