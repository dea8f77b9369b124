/**
 * The create-VM rules shared by the wizard and {@code vireo create}: the draft the user types, the
 * pure validator that turns it into a {@link org.vireo.service.create.VmSpec} or field messages,
 * size parsing, OS variants and creation steps. May import {@code model} only (and commons-codec for
 * the password hash); no JavaFX, no libvirt.
 */
package org.vireo.service.create;
