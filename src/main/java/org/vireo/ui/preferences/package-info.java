/** The preferences dialog and its view model. */
package org.vireo.ui.preferences;
