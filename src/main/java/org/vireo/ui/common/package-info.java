/** What every screen shares: batching updates onto the FX thread, message bundles, state icons. */
package org.vireo.ui.common;
