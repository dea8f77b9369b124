package org.vireo.libvirt;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * A second, independent libvirt client inside the test JVM. On {@code test:///default} all
 * connections open at the same time share one node, so what this client does, the app must see
 * through libvirt's events alone.
 */
public final class TestDriverClient implements AutoCloseable {

    private final Connect conn;

    public TestDriverClient(String uri) throws LibvirtException {
        LibvirtRuntime.start();
        this.conn = new Connect(uri);
    }

    public void suspend(String name) throws LibvirtException {
        withDomain(name, Domain::suspend);
    }

    public void resume(String name) throws LibvirtException {
        withDomain(name, Domain::resume);
    }

    public void destroy(String name) throws LibvirtException {
        withDomain(name, Domain::destroy);
    }

    public void start(String name) throws LibvirtException {
        withDomain(name, Domain::create);
    }

    public void undefine(String name) throws LibvirtException {
        withDomain(name, Domain::undefine);
    }

    public void define(String domainXml) throws LibvirtException {
        conn.domainDefineXML(domainXml).free();
    }

    /** Creates a volume in the test driver's {@code default-pool} and returns its path. */
    public String createVolume(String name, long bytes) throws LibvirtException {
        StoragePool pool = conn.storagePoolLookupByName("default-pool");
        StorageVol vol = pool.storageVolCreateXML("<volume><name>" + name + "</name><capacity>" + bytes
                + "</capacity><target><format type='qcow2'/></target></volume>", 0);
        try {
            return vol.getPath();
        } finally {
            vol.free();
            pool.free();
        }
    }

    private void withDomain(String name, DomainAction action) throws LibvirtException {
        Domain domain = conn.domainLookupByName(name);
        try {
            action.run(domain);
        } finally {
            domain.free();
        }
    }

    @FunctionalInterface
    private interface DomainAction {
        void run(Domain domain) throws LibvirtException;
    }

    @Override
    public void close() throws LibvirtException {
        conn.close();
    }
}
