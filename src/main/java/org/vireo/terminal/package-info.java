/**
 * What a terminal tab talks to: {@code TtyConnector}s over an SSH shell channel or a libvirt
 * console stream, and the service that opens them off the FX thread.
 */
package org.vireo.terminal;
