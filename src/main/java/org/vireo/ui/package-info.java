/**
 * The JavaFX user interface, one folder per screen: each holds its View (plain code) and its
 * ViewModel. Views know ViewModels; ViewModels know services only through the small interfaces
 * in {@code org.vireo.model}, and never touch a {@code Node}.
 */
package org.vireo.ui;
