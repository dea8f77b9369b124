/**
 * The Storage tab of the host pane: the node's pools and the selected pool's volumes, with their
 * lifecycle actions. May import the model, the service ports, the device rules (sizes, names) and ui/common.
 */
package org.vireo.ui.storage;
