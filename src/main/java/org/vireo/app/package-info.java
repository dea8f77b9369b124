/**
 * Entry point and composition root: the plain {@link org.vireo.app.Launcher} main, the JavaFX
 * {@link javafx.application.Application}, and the wiring that builds the store, the libvirt fleet,
 * the SSH client and the view models and hands each what it needs. The only layer that may import
 * every other; nothing imports it.
 */
package org.vireo.app;
