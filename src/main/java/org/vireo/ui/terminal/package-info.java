/** Terminal tabs (JediTermFX) for SSH shells and serial consoles, and the dialog that picks an SSH target. */
package org.vireo.ui.terminal;
