/**
 * The Rename dialog: a new name for one shut-off VM, checked as typed with the wizard's rules and
 * the names already on its node, and libvirt's own refusal shown in the dialog. May import the
 * model, the service ports, the create-VM rules (the name rule) and ui/common.
 */
package org.vireo.ui.rename;
