/**
 * What every screen shares: {@code ServiceCalls} (the one way a view model calls a service and
 * gets its outcome on the FX thread), {@code FxBatchQueue} (batching onto the FX thread),
 * {@code Dialogs} (every dialog with its owner, one look for confirmations and errors), {@code Form}
 * (labelled fields with their message underneath and ControlsFX decorations), {@code Notices}
 * (notifications for work the user did not wait for), message bundles, failure texts and the theme.
 * May import {@code model}, {@code service}, JavaFX and ControlsFX; never another ui feature.
 */
package org.vireo.ui.common;
