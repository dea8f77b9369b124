/**
 * What a terminal or screen tab talks to: {@code TtyConnector}s over an SSH shell channel or a
 * libvirt console stream, VNC connections (direct or through the node's SSH session), and the
 * external viewer ({@code remote-viewer}) started on a display forwarded to a private UNIX socket;
 * the service that opens them all off the FX thread.
 */
package org.vireo.terminal;
