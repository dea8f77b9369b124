package org.vireo.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.libvirt.LibvirtException;

/**
 * One {@code virDomainListGetStats} call for a set of domains: their typed parameters
 * ("cpu.time", "balloon.current", "block.0.rd.bytes"…) by UUID. Drivers fill what they can;
 * the test driver only fills the state group.
 */
final class BulkStats {

    // struct _virTypedParameter { char field[80]; int type; union value; }: 80 + 4 + 4 padding + 8.
    private static final int PARAM_FIELD = 80;
    private static final int PARAM_SIZE = 96;
    // struct _virDomainStatsRecord { virDomainPtr dom; virTypedParameterPtr params; int nparams; }
    private static final int RECORD_PARAMS = Native.POINTER_SIZE;
    private static final int RECORD_NPARAMS = 2 * Native.POINTER_SIZE;

    private BulkStats() {
    }

    static Map<String, Map<String, Number>> read(VireoConnect conn, List<String> uuids) throws LibvirtException {
        LibvirtNative lib = LibvirtNative.INSTANCE;
        List<Pointer> domains = new ArrayList<>();
        Map<String, Map<String, Number>> result = new HashMap<>();
        try {
            for (String uuid : uuids) {
                Pointer domain = lib.virDomainLookupByUUIDString(conn.nativePointer(), uuid);
                if (domain != null) {
                    domains.add(domain);
                }
            }
            if (domains.isEmpty()) {
                return result;
            }
            Pointer[] array = domains.toArray(new Pointer[domains.size() + 1]);   // null-terminated
            PointerByReference records = new PointerByReference();
            int count = lib.virDomainListGetStats(array, LibvirtNative.STATS_STATE | LibvirtNative.STATS_CPU_TOTAL
                    | LibvirtNative.STATS_BALLOON | LibvirtNative.STATS_VCPU | LibvirtNative.STATS_INTERFACE
                    | LibvirtNative.STATS_BLOCK, records, 0);
            if (count < 0) {
                throw new StatsUnavailableException();
            }
            result.putAll(records(records, count));
            return result;
        } finally {
            domains.forEach(lib::virDomainFree);
        }
    }

    /**
     * Every domain's state in one call ({@code virConnectGetAllDomainStats}), by UUID: the libvirt state
     * code. For an event storm, where reading each paused or resumed domain would take five calls.
     */
    static Map<String, Integer> states(VireoConnect conn) {
        PointerByReference records = new PointerByReference();
        int count = LibvirtNative.INSTANCE.virConnectGetAllDomainStats(conn.nativePointer(), LibvirtNative.STATS_STATE, records, 0);
        if (count < 0) {
            throw new StatsUnavailableException();
        }
        Map<String, Integer> states = new HashMap<>();
        records(records, count).forEach((uuid, params) -> {
            Number state = params.get("state.state");
            if (state != null) {
                states.put(uuid, state.intValue());
            }
        });
        return states;
    }

    /** Reads and frees a list of {@code count} stats records. */
    private static Map<String, Map<String, Number>> records(PointerByReference records, int count) {
        LibvirtNative lib = LibvirtNative.INSTANCE;
        Map<String, Map<String, Number>> result = new HashMap<>();
        try {
            Pointer list = records.getValue();
            for (int i = 0; i < count; i++) {
                Pointer record = list.getPointer((long) i * Native.POINTER_SIZE);
                byte[] uuid = new byte[37];
                lib.virDomainGetUUIDString(record.getPointer(0), uuid);
                result.put(new String(uuid, 0, 36, StandardCharsets.US_ASCII), params(
                        record.getPointer(RECORD_PARAMS), record.getInt(RECORD_NPARAMS)));
            }
        } finally {
            lib.virDomainStatsRecordListFree(records.getValue());
        }
        return result;
    }

    private static Map<String, Number> params(Pointer params, int count) {
        Map<String, Number> values = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long at = (long) i * PARAM_SIZE;
            String field = params.getString(at, StandardCharsets.US_ASCII.name());
            int type = params.getInt(at + PARAM_FIELD);
            long value = at + PARAM_FIELD + 8;
            switch (type) {
                case 1, 2 -> values.put(field, params.getInt(value) & (type == 2 ? 0xffffffffL : -1L));
                case 3, 4 -> values.put(field, params.getLong(value));
                case 5 -> values.put(field, params.getDouble(value));
                case 6 -> values.put(field, params.getByte(value) != 0 ? 1 : 0);
                default -> { }   // strings (names, paths) are not needed for numbers
            }
        }
        return values;
    }

    /** The driver has no bulk statistics (libvirt older than 1.2.8, or a driver without them). */
    static final class StatsUnavailableException extends RuntimeException {
        StatsUnavailableException() {
            super("bulk statistics unavailable");
        }
    }
}
