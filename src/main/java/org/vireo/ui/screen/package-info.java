/**
 * A VM's screen in a tab: the graphical console drawn from Vireo's RFB (VNC) client, with keyboard
 * and pointer grab, scaling, send-key and screenshots. Reaches {@code rfb} and {@code terminal} only
 * through {@code RfbClient} and {@code TerminalService}.
 */
package org.vireo.ui.screen;
