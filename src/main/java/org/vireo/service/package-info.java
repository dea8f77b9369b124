/**
 * The ports view models talk to: small interfaces for the fleet and its inventory reports, VM
 * actions, statistics, host facts, snapshots, clones, creation, consoles, saved connections and
 * settings. Implemented by the adapters ({@code libvirt}, {@code service.fleet}); used by {@code ui}
 * and {@code app}. May import {@code model} and {@code service.create} only: no JavaFX, no libvirt,
 * no JDBC, no SSH.
 */
package org.vireo.service;
