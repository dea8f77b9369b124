/** Terminal tabs (JediTermFX) and the dialogs an SSH login may need: target, password, host key. */
package org.vireo.ui.terminal;
