/**
 * The command line: picocli options of the window ({@code --connect}, {@code --list}),
 * {@code vireo create}, the inventory listing and the terminal's SSH prompts. Its texts are in
 * {@code org/vireo/app/cli/*.properties}. May import everything below {@code ui}; never JavaFX.
 */
package org.vireo.app.cli;
