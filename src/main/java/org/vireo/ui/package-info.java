/**
 * The JavaFX user interface, one folder per screen: each holds its View (plain code) and its
 * ViewModel. Views know ViewModels; ViewModels know services only through the ports in
 * {@code org.vireo.service} and call them through {@code ui.common.ServiceCalls}, and never touch a
 * {@code Node}. Of {@code ssh}, {@code rfb} and {@code terminal} the UI names only the types listed in
 * {@code ArchitectureTest.UI_MAY_USE}.
 */
package org.vireo.ui;
