/**
 * The Networks tab of the host pane (the node's virtual networks, their DHCP leases and pinned addresses) and
 * the New network dialog that the tab, the wizard and the NIC dialog share. May import the model, the service
 * ports, the device rules and ui/common.
 */
package org.vireo.ui.network;
