/**
 * osinfo-db's data (the Debian package {@code osinfo-db}, {@code /usr/share/osinfo}) read as XML files into the
 * create-VM rules' {@link org.vireo.service.create.OsCatalogue}, and the ISO 9660 labels of a local install medium. An
 * adapter: it reads the disk, so it runs off the FX thread. May import {@code model}, {@code service.create} and the
 * JDK's XML parser; no JavaFX, no libvirt.
 */
package org.vireo.osinfo;
