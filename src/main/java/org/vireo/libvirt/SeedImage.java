package org.vireo.libvirt;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.libvirt.LibvirtException;
import org.libvirt.Stream;
import org.libvirt.StorageVol;
import org.vireo.model.VmSpec;

/**
 * cloud-init's NoCloud seed: an ISO 9660 image labelled "cidata" holding {@code user-data} and
 * {@code meta-data}, written here in Java (a single root directory needs no external tool and
 * nothing on the node), then uploaded into a volume through libvirt's stream API, so it works
 * the same on remote nodes. Values go into the YAML as JSON-quoted strings (YAML reads JSON
 * strings), so user text cannot add keys.
 */
final class SeedImage {

    private static final int SECTOR = 2048;

    byte[] build(VmSpec spec) {
        VmSpec.CloudInit cloud = spec.cloudInit().orElseThrow();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("META-DATA", metaData(spec, cloud).getBytes(StandardCharsets.UTF_8));
        files.put("USER-DATA", userData(cloud).getBytes(StandardCharsets.UTF_8));
        return iso("cidata", files);
    }

    static String metaData(VmSpec spec, VmSpec.CloudInit cloud) {
        String host = cloud.hostName().isEmpty() ? spec.name().replaceAll("[^A-Za-z0-9-]", "-") : cloud.hostName();
        return "instance-id: " + quote("vireo-" + UUID.randomUUID()) + "\nlocal-hostname: " + quote(host) + "\n";
    }

    static String userData(VmSpec.CloudInit cloud) {
        StringBuilder yaml = new StringBuilder("#cloud-config\n");
        if (!cloud.hostName().isEmpty()) {
            yaml.append("hostname: ").append(quote(cloud.hostName())).append('\n');
        }
        yaml.append("users:\n  - name: ").append(quote(cloud.user())).append('\n')
                .append("    shell: \"/bin/sh\"\n")
                .append("    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n");
        if (!cloud.passwordHash().isEmpty()) {
            yaml.append("    lock_passwd: false\n    passwd: ").append(quote(cloud.passwordHash())).append('\n');
        }
        if (!cloud.sshKey().isEmpty()) {
            yaml.append("    ssh_authorized_keys:\n      - ").append(quote(cloud.sshKey())).append('\n');
        }
        yaml.append("ssh_pwauth: ").append(!cloud.passwordHash().isEmpty()).append('\n');
        return yaml.toString();
    }

    private static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    static void upload(VireoConnect conn, StorageVol vol, byte[] data) throws LibvirtException {
        Stream stream = conn.streamNew(0);
        try {
            vol.upload(stream, 0, data.length, 0);
            int sent = 0;
            while (sent < data.length) {
                int n = stream.send(Arrays.copyOfRange(data, sent, Math.min(data.length, sent + 256 * 1024)));
                if (n <= 0) {
                    throw new org.vireo.model.OperationException("upload the seed image", "the node accepted no data");
                }
                sent += n;
            }
            stream.finish();
        } catch (LibvirtException e) {
            try {
                stream.abort();
            } catch (LibvirtException ignored) {
                // the upload failed already; the volume is deleted by the rollback
            }
            throw e;
        } finally {
            stream.free();
        }
    }

    /** A minimal ISO 9660 (level 1, one root directory) with the given files, sorted by name. */
    static byte[] iso(String label, Map<String, byte[]> files) {
        String[] names = files.keySet().stream().sorted().toArray(String[]::new);
        int rootSector = 20;
        int fileSector = 21;
        int[] starts = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            starts[i] = fileSector;
            fileSector += Math.max(1, (files.get(names[i]).length + SECTOR - 1) / SECTOR);
        }
        int totalSectors = fileSector;
        ByteBuffer image = ByteBuffer.allocate(totalSectors * SECTOR);

        // Primary volume descriptor.
        ByteBuffer pvd = sector(image, 16);
        pvd.put((byte) 1).put("CD001".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        pvd.put(padded("", 32)).put(padded(label.toUpperCase(), 32));
        pvd.position(80);
        both32(pvd, totalSectors);
        pvd.position(120);
        both16(pvd, 1);
        both16(pvd, 1);
        both16(pvd, SECTOR);
        both32(pvd, 10);   // path table size: one entry
        pvd.order(ByteOrder.LITTLE_ENDIAN).putInt(18).putInt(0);
        pvd.order(ByteOrder.BIG_ENDIAN).putInt(19).putInt(0);
        pvd.put(directoryRecord(new byte[] {0}, rootSector, SECTOR, true));
        pvd.put(padded("", 128)).put(padded("", 128)).put(padded("", 128)).put(padded("VIREO", 128));
        pvd.put(padded("", 37)).put(padded("", 37)).put(padded("", 37));
        byte[] date = "2026010100000000".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 4; i++) {
            pvd.put(i < 2 ? date : "0000000000000000".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        }
        pvd.put((byte) 1);

        ByteBuffer terminator = sector(image, 17);
        terminator.put((byte) 255).put("CD001".getBytes(StandardCharsets.US_ASCII)).put((byte) 1);

        // Path tables (L: little-endian, M: big-endian), each the root alone.
        for (int s = 18; s <= 19; s++) {
            ByteBuffer table = sector(image, s).order(s == 18 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            table.put((byte) 1).put((byte) 0).putInt(rootSector).putShort((short) 1).put((byte) 0).put((byte) 0);
        }

        ByteBuffer root = sector(image, rootSector);
        root.put(directoryRecord(new byte[] {0}, rootSector, SECTOR, true));
        root.put(directoryRecord(new byte[] {1}, rootSector, SECTOR, true));
        for (int i = 0; i < names.length; i++) {
            byte[] id = (names[i] + ";1").getBytes(StandardCharsets.US_ASCII);
            root.put(directoryRecord(id, starts[i], files.get(names[i]).length, false));
            sector(image, starts[i]).put(files.get(names[i]));
        }
        return image.array();
    }

    private static ByteBuffer sector(ByteBuffer image, int sector) {
        return image.duplicate().position(sector * SECTOR).slice().limit(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] directoryRecord(byte[] id, int extent, int length, boolean directory) {
        int size = 33 + id.length + (id.length % 2 == 0 ? 1 : 0);
        ByteBuffer record = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        record.put((byte) size).put((byte) 0);
        both32(record, extent);
        both32(record, length);
        record.put(new byte[] {126, 1, 1, 0, 0, 0, 0});   // 2026-01-01 00:00:00 UTC
        record.put((byte) (directory ? 2 : 0)).put((byte) 0).put((byte) 0);
        both16(record, 1);
        record.put((byte) id.length).put(id);
        return record.array();
    }

    private static void both32(ByteBuffer buffer, int value) {
        buffer.order(ByteOrder.LITTLE_ENDIAN).putInt(value);
        buffer.order(ByteOrder.BIG_ENDIAN).putInt(value);
        buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void both16(ByteBuffer buffer, int value) {
        buffer.order(ByteOrder.LITTLE_ENDIAN).putShort((short) value);
        buffer.order(ByteOrder.BIG_ENDIAN).putShort((short) value);
        buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] padded(String text, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) ' ');
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, out, 0, Math.min(length, bytes.length));
        return out;
    }
}
