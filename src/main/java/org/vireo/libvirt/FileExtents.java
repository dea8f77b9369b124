package org.vireo.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a local file holds data and where it has holes, asked of the kernel (lseek SEEK_DATA /
 * SEEK_HOLE) so a sparse file's holes are neither read nor sent. Where the kernel cannot tell, the
 * whole file is one piece of data.
 */
final class FileExtents {

    /** A run of the file: data to read and send, or a hole (zeros that need not be). */
    record Extent(long offset, long length, boolean data) {
    }

    private interface CLibrary extends Library {
        int open(String path, int flags);

        long lseek(int fd, long offset, int whence);

        int close(int fd);
    }

    private static final class Holder {
        static final CLibrary C = Native.load("c", CLibrary.class);
    }

    private static final int O_RDONLY = 0;
    private static final int SEEK_DATA = 3;
    private static final int SEEK_HOLE = 4;

    private FileExtents() {
    }

    static List<Extent> of(Path file, long size) {
        List<Extent> whole = size == 0 ? List.of() : List.of(new Extent(0, size, true));
        if (!BackgroundPriority.LINUX) {
            return whole;
        }
        int fd = Holder.C.open(file.toString(), O_RDONLY);
        if (fd < 0) {
            return whole;
        }
        try {
            List<Extent> extents = new ArrayList<>();
            long pos = 0;
            while (pos < size) {
                long data = Holder.C.lseek(fd, pos, SEEK_DATA);
                if (data < 0 || data >= size) {   // ENXIO: nothing but a hole to the end
                    extents.add(new Extent(pos, size - pos, false));
                    break;
                }
                if (data > pos) {
                    extents.add(new Extent(pos, data - pos, false));
                }
                long hole = Holder.C.lseek(fd, data, SEEK_HOLE);
                long end = hole < 0 || hole > size ? size : hole;
                extents.add(new Extent(data, end - data, true));
                pos = end;
            }
            return extents;
        } finally {
            Holder.C.close(fd);
        }
    }

    static boolean sparse(List<Extent> extents) {
        return extents.stream().anyMatch(e -> !e.data());
    }
}
