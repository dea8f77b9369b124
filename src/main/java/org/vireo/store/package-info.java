/**
 * The only package that touches JDBC: Vireo's SQLite file, its versioned schema migrations, and
 * the repositories for saved connections and preferences. Calls here block on disk, so callers
 * run them on a background thread, never on the FX thread.
 */
package org.vireo.store;
