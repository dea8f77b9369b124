package org.vireo.libvirt;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.libvirt.Stream;
import org.vireo.model.OperationException;
import org.vireo.model.Texts;
import org.vireo.service.create.VmSpec;

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
                .append("    shell: \"/bin/sh\"\n");
        if (cloud.passwordlessSudo()) {
            yaml.append("    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n");   // only when the user asked for it in the wizard
        }
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
                    throw new OperationException(Texts.get("op.uploadSeed"), Texts.get("seed.noData"));
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

    /**
     * A minimal ISO 9660 image with one root directory and a Joliet tree beside it: Joliet
     * keeps the lower-case names ("user-data") that cloud-init looks for, as genisoimage
     * -joliet does; plain ISO 9660 readers see the upper-case names.
     */
    static byte[] iso(String label, Map<String, byte[]> files) {
        String[] names = files.keySet().stream().sorted().toArray(String[]::new);
        int primaryRoot = 23;
        int jolietRoot = 24;
        int fileSector = 25;
        int[] starts = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            starts[i] = fileSector;
            fileSector += Math.max(1, (files.get(names[i]).length + SECTOR - 1) / SECTOR);
        }
        int totalSectors = fileSector;
        ByteBuffer image = ByteBuffer.allocate(totalSectors * SECTOR);

        volumeDescriptor(sector(image, 16), false, label, totalSectors, 19, 20, primaryRoot);
        volumeDescriptor(sector(image, 17), true, label, totalSectors, 21, 22, jolietRoot);
        ByteBuffer terminator = sector(image, 18);
        terminator.put((byte) 255).put("CD001".getBytes(StandardCharsets.US_ASCII)).put((byte) 1);
        pathTable(sector(image, 19), ByteOrder.LITTLE_ENDIAN, primaryRoot);
        pathTable(sector(image, 20), ByteOrder.BIG_ENDIAN, primaryRoot);
        pathTable(sector(image, 21), ByteOrder.LITTLE_ENDIAN, jolietRoot);
        pathTable(sector(image, 22), ByteOrder.BIG_ENDIAN, jolietRoot);

        ByteBuffer primary = sector(image, primaryRoot);
        ByteBuffer joliet = sector(image, jolietRoot);
        for (ByteBuffer dir : List.of(primary, joliet)) {
            int self = dir == primary ? primaryRoot : jolietRoot;
            dir.put(directoryRecord(new byte[] {0}, self, SECTOR, true));
            dir.put(directoryRecord(new byte[] {1}, self, SECTOR, true));
        }
        for (int i = 0; i < names.length; i++) {
            int size = files.get(names[i]).length;
            primary.put(directoryRecord((names[i] + ";1").getBytes(StandardCharsets.US_ASCII), starts[i], size, false));
            joliet.put(directoryRecord(names[i].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_16BE),
                    starts[i], size, false));
            sector(image, starts[i]).put(files.get(names[i]));
        }
        return image.array();
    }

    /** The primary descriptor (type 1), or the Joliet supplementary one (type 2, UCS-2 level 3). */
    private static void volumeDescriptor(ByteBuffer d, boolean joliet, String label, int totalSectors, int lTable, int mTable,
                                         int root) {
        d.put((byte) (joliet ? 2 : 1)).put("CD001".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        d.put(text("", 32, joliet)).put(text(label, 32, joliet));
        d.position(80);
        both32(d, totalSectors);
        if (joliet) {
            d.put("%/E".getBytes(StandardCharsets.US_ASCII));
        }
        d.position(120);
        both16(d, 1);
        both16(d, 1);
        both16(d, SECTOR);
        both32(d, 10);   // path table size: one entry
        d.order(ByteOrder.LITTLE_ENDIAN).putInt(lTable).putInt(0);
        d.order(ByteOrder.BIG_ENDIAN).putInt(mTable).putInt(0);
        d.put(directoryRecord(new byte[] {0}, root, SECTOR, true));
        d.put(text("", 128, joliet)).put(text("", 128, joliet)).put(text("", 128, joliet)).put(text("VIREO", 128, joliet));
        d.put(text("", 37, joliet)).put(text("", 37, joliet)).put(text("", 37, joliet));
        byte[] date = "2026010100000000".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 4; i++) {
            d.put(i < 2 ? date : "0000000000000000".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        }
        d.put((byte) 1);
    }

    private static void pathTable(ByteBuffer table, ByteOrder order, int root) {
        table.order(order).put((byte) 1).put((byte) 0).putInt(root).putShort((short) 1).put((byte) 0).put((byte) 0);
    }

    /** A space-padded identifier: ASCII for the primary descriptor, UCS-2 big-endian for Joliet. */
    private static byte[] text(String value, int length, boolean joliet) {
        if (!joliet) {
            return padded(value, length);
        }
        byte[] out = new byte[length];
        for (int i = 0; i + 1 < length; i += 2) {
            out[i] = 0;
            out[i + 1] = ' ';
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_16BE);
        System.arraycopy(bytes, 0, out, 0, Math.min(length - length % 2, bytes.length));
        return out;
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
