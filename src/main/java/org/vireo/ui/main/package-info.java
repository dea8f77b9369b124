/** The main window: the node tree, the VM table and the status bar, with their view model. */
package org.vireo.ui.main;
