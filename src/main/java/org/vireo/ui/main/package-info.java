/**
 * The main window: {@code MainView} lays out the node tree, the VM table, the pane below it and the
 * bars, all built from one {@code MainActions} table; its view models are {@code MainViewModel}
 * (nodes, VMs, filter, statistics), {@code ActionsViewModel} (bulk actions on the selection) and
 * {@code ConnectionsViewModel} (add, edit, remove connections, the wizard's nodes, host-key alerts).
 * May open the other features' dialogs and panes; they never reach back.
 */
package org.vireo.ui.main;
