/**
 * Entry point and composition root: the plain {@link org.vireo.app.Launcher} main, command-line
 * options, the JavaFX {@link javafx.application.Application}, and the wiring that builds the
 * store, the libvirt fleet and the view models and hands each what it needs.
 */
package org.vireo.app;
