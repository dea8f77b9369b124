/**
 * The services as the app composes them: decorators around the libvirt fleet (tags kept locally
 * where a domain cannot hold them, connection times recorded, reports held until the window is
 * ready) and the store's repositories behind the {@code service} ports, written on the store's own
 * thread. May import {@code service}, {@code model} and {@code store}; never JavaFX or {@code ui}.
 */
package org.vireo.service.fleet;
