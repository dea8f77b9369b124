/**
 * Vireo's RFB (VNC) client: the handshake and security types, framebuffer updates decoded off
 * the FX thread into a {@link org.vireo.rfb.Framebuffer}, key and pointer events, screenshots.
 * Plain Java over a socket: no JavaFX, no libvirt.
 */
package org.vireo.rfb;
