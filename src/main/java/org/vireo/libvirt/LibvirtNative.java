package org.vireo.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few C functions of libvirt.so.0 that libvirt-java 0.5.4 does not bind: bulk domain
 * statistics, consoles, timers on its event loop. Kept to what Vireo calls; the struct layouts are
 * read by {@link BulkStats}.
 */
interface LibvirtNative extends Library {

    LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

    // virDomainStatsTypes
    int STATS_STATE = 1;
    int STATS_CPU_TOTAL = 2;
    int STATS_BALLOON = 4;
    int STATS_VCPU = 8;
    int STATS_INTERFACE = 16;
    int STATS_BLOCK = 32;

    /** virEventTimeoutCallback */
    interface TimeoutCallback extends Callback {
        void invoke(int timer, Pointer opaque);
    }

    /** A repeating timer on libvirt's event loop; returns its id, or -1. */
    int virEventAddTimeout(int frequencyMs, TimeoutCallback callback, Pointer opaque, Pointer free);

    int virEventRemoveTimeout(int timer);

    Pointer virDomainLookupByUUIDString(Pointer conn, String uuid);

    int virDomainFree(Pointer domain);

    int virDomainGetUUIDString(Pointer domain, byte[] buf);

    /** {@code domains} ends with a null entry; the records are freed with {@link #virDomainStatsRecordListFree}. */
    int virDomainListGetStats(Pointer[] domains, int stats, PointerByReference records, int flags);

    void virDomainStatsRecordListFree(Pointer records);

    /** Every domain's statistics in one call; the records are freed with {@link #virDomainStatsRecordListFree}. */
    int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference records, int flags);

    /** flags: VIR_DOMAIN_DEFINE_VALIDATE (1) checks the XML against libvirt's schema. */
    Pointer virDomainDefineXMLFlags(Pointer conn, String xml, int flags);

    Pointer virStreamNew(Pointer conn, int flags);

    /** flags: VIR_DOMAIN_CONSOLE_SAFE (2) refuses when another client holds the console. */
    int virDomainOpenConsole(Pointer domain, String devName, Pointer stream, int flags);

    /** Blocks until data arrives: bytes read, 0 at the end, -1 on error. */
    int virStreamRecv(Pointer stream, byte[] data, NativeLong bytes);

    int virStreamSend(Pointer stream, byte[] data, NativeLong bytes);

    int virStreamFinish(Pointer stream);

    int virStreamAbort(Pointer stream);

    int virStreamFree(Pointer stream);

    int virDomainGetState(Pointer domain, IntByReference state, IntByReference reason, int flags);

    int virDomainInjectNMI(Pointer domain, int flags);

    int virDomainRename(Pointer domain, String newName, int flags);

    /** The domain capabilities XML for the given emulator, arch, machine and virt type (any may be null); freed by the caller. */
    Pointer virConnectGetDomainCapabilities(Pointer conn, String emulator, String arch, String machine, String virttype, int flags);

    /** The CPU model names libvirt knows for {@code arch}; the array is freed by the caller with {@code free}. */
    int virConnectGetCPUModelNames(Pointer conn, String arch, PointerByReference models, int flags);

    // virDomainMemoryModFlags: LIVE 1, CONFIG 2, MAXIMUM 4
    int virDomainSetMemoryFlags(Pointer domain, NativeLong memoryKiB, int flags);

    // Sparse-aware volume transfers (libvirt 3.4+). VIR_STORAGE_VOL_UPLOAD/DOWNLOAD_SPARSE_STREAM = 1.
    int VOL_SPARSE_STREAM = 1;
    /** virStreamRecvFlags: stop before a hole and return {@link #RECV_HOLE}. */
    int STREAM_RECV_STOP_AT_HOLE = 1;
    int RECV_HOLE = -3;

    Pointer virStorageVolLookupByPath(Pointer conn, String path);

    int virStorageVolFree(Pointer vol);

    int virStorageVolUpload(Pointer vol, Pointer stream, long offset, long length, int flags);

    int virStorageVolDownload(Pointer vol, Pointer stream, long offset, long length, int flags);

    /** Sends {@code bytes} from native memory: bytes taken, or -1. */
    int virStreamSend(Pointer stream, Pointer data, NativeLong bytes);

    int virStreamSendHole(Pointer stream, long length, int flags);

    /** Bytes read, 0 at the end, -1 on error, {@link #RECV_HOLE} when a hole comes next. */
    int virStreamRecvFlags(Pointer stream, Pointer data, NativeLong bytes, int flags);

    int virStreamRecvHole(Pointer stream, LongByReference length, int flags);

    // Storage pool events (libvirt 2.0+): VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE 0, _REFRESH 1.
    int POOL_EVENT_LIFECYCLE = 0;
    int POOL_EVENT_REFRESH = 1;

    /** virConnectStoragePoolEventLifecycleCallback and virConnectNetworkEventLifecycleCallback: the same shape. */
    interface LifecycleCallback extends Callback {
        void invoke(Pointer conn, Pointer object, int event, int detail, Pointer opaque);
    }

    /** virConnectStoragePoolEventGenericCallback (refresh) */
    interface PoolGenericCallback extends Callback {
        void invoke(Pointer conn, Pointer pool, Pointer opaque);
    }

    /** Every pool's events ({@code pool} null); returns the callback's id, or -1. */
    int virConnectStoragePoolEventRegisterAny(Pointer conn, Pointer pool, int eventId, Callback callback, Pointer opaque, Pointer free);

    int virConnectStoragePoolEventDeregisterAny(Pointer conn, int callbackId);

    // Networks: VIR_NETWORK_EVENT_ID_LIFECYCLE 0.
    int NETWORK_EVENT_LIFECYCLE = 0;

    /** Every network's events ({@code network} null); returns the callback's id, or -1. */
    int virConnectNetworkEventRegisterAny(Pointer conn, Pointer network, int eventId, Callback callback, Pointer opaque, Pointer free);

    int virConnectNetworkEventDeregisterAny(Pointer conn, int callbackId);

    Pointer virNetworkLookupByName(Pointer conn, String name);

    int virNetworkFree(Pointer network);

    /**
     * The leases ({@code mac} null: all) as an array of virNetworkDHCPLeasePtr, each freed with
     * {@link #virNetworkDHCPLeaseFree} and the array with free(); returns their number, or -1.
     */
    int virNetworkGetDHCPLeases(Pointer network, String mac, PointerByReference leases, int flags);

    void virNetworkDHCPLeaseFree(Pointer lease);

    // virNetworkUpdateCommand, virNetworkUpdateSection, virNetworkUpdateFlags
    int NETWORK_UPDATE_DELETE = 2;
    int NETWORK_UPDATE_ADD_LAST = 3;
    int NETWORK_SECTION_IP_DHCP_HOST = 4;
    int NETWORK_UPDATE_LIVE = 1;
    int NETWORK_UPDATE_CONFIG = 2;

    /** {@code parentIndex} -1: the first <ip> of the host's address family. */
    int virNetworkUpdate(Pointer network, int command, int section, int parentIndex, String xml, int flags);

    // virCPUCompareResult
    int CPU_INCOMPATIBLE = 0;

    /**
     * Whether the hypervisor on {@code conn} can give a guest the CPU {@code xmlCpu} describes (libvirt 4.4+): unlike
     * virConnectCompareCPU, which compares with the host's own CPU, this knows what plain emulation provides.
     */
    int virConnectCompareHypervisorCPU(Pointer conn, String emulator, String arch, String machine, String virttype, String xmlCpu,
                                       int flags);
}
