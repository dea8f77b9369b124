/** The details pane of one VM: overview, live graphs, hardware editing and its domain XML. */
package org.vireo.ui.details;
