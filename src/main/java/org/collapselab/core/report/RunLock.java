package org.collapselab.core.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock held while a run is being trained. The OS drops it when the process dies, so a
 * report that still says "running" with no lock held belongs to an interrupted run.
 */
final class RunLock {
    static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("another process is training into " + folder);
        }
        return new RunLock(file, channel, lock);
    }

    void release() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        channel.close();
        Files.deleteIfExists(file);
    }

    /** Whether some live process (this one included) holds the lock of {@code folder}. */
    static boolean isHeld(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
