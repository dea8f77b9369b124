/**
 * The Migrate dialog: one VM to another connected node, every node's answer shown before anything starts, the move
 * itself in the Jobs panel. May import {@code model}, the service ports, {@code service.device}'s rules, {@code ui.common}
 * and {@code ui.jobs}.
 */
package org.vireo.ui.migrate;
