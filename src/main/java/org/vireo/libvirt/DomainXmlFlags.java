package org.vireo.libvirt;

/** libvirt's virDomainXMLFlags for {@code getXMLDesc}: one place for the numbers the Java binding has no names for. */
final class DomainXmlFlags {

    /** Includes secrets: the displays' passwords. Needs a read-write connection. */
    static final int SECURE = 1;
    /** The persistent definition, not the running one. */
    static final int INACTIVE = 2;
    /** Leaves out what only this host understands, for defining the VM on another one. */
    static final int MIGRATABLE = 8;

    private DomainXmlFlags() {
    }
}
