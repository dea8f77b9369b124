/** The host pane of a node: names, versions, CPUs, memory, VMs, storage pools and networks. */
package org.vireo.ui.host;
