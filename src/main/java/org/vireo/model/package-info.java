/**
 * Vireo's own vocabulary: immutable records and enums (nodes, URIs, VMs, states, sizes,
 * statistics, snapshots), the message texts and the exception a failed operation reports.
 * Plain Java only: imports nothing of Vireo's and no JavaFX, libvirt, JDBC or SSH.
 */
package org.vireo.model;
