package org.collapselab.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Disk space held back for a run's last report. When the disk fills during a run, deleting this file frees enough
 * room to write report.json once more, with status "failed" and the reason, instead of leaving a report that still
 * says "running". The bytes are written out (not a sparse file), so the file system really holds them.
 */
final class SpaceReserve {
    static final String FILE = ".space-reserve";
    /** Grows with the report: twice its last size, at least this. */
    static final long MINIMUM_BYTES = 256 * 1024;

    private final Path file;
    private long size;

    private SpaceReserve(Path file) {
        this.file = file;
    }

    /** Claims at least {@link #MINIMUM_BYTES}; a disk too full even for that gets no reserve (and no error). */
    static SpaceReserve claim(Path folder) {
        SpaceReserve reserve = new SpaceReserve(folder.resolve(FILE));
        reserve.ensure(MINIMUM_BYTES);
        return reserve;
    }

    /** Grows the reserve to {@code bytes} when it is smaller; silently keeps what it has when the disk is full. */
    void ensure(long bytes) {
        if (bytes <= size) {
            return;
        }
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (size < bytes) {
                int n = (int) Math.min(block.length, bytes - size);
                out.write(block, 0, n);
                size += n;
            }
        } catch (IOException e) {
            // the disk is full: keep holding what was written
        }
    }

    /** Frees the space; returns whether there was any to free. */
    boolean release() {
        try {
            size = 0;
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }
}
