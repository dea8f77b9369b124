/** The add/edit connection dialog: a libvirt URI built from choices, checked as it is typed. */
package org.vireo.ui.connection;
