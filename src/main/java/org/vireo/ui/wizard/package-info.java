/** The create-VM wizard: its pages and its view model, which validates as the user types. */
package org.vireo.ui.wizard;
