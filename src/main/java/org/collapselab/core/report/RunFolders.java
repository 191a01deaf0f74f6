package org.collapselab.core.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Creates run folders and checks the folder they go in. Several writers share a runs folder (the app, a CLI
 * {@code train}, sweeps), so a new folder is claimed with one atomic {@link Files#createDirectory} per candidate name,
 * never "check that it does not exist, then create it": of two writers racing for a name, exactly one gets it and the
 * other moves on to the next suffix.
 */
public final class RunFolders {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Far more than writers that can start within one second; a bound so a broken file system cannot loop us forever. */
    static final int MAX_ATTEMPTS = 10_000;

    private RunFolders() {
    }

    /**
     * A new folder under {@code runsDir} named after the time and the experiment ({@code 20260101-120000-name}, then
     * {@code -2}, {@code -3} … when taken), created by this call and by no other.
     */
    public static Path create(Path runsDir, String experimentName) throws IOException {
        return create(runsDir, experimentName, LocalDateTime.now().format(STAMP));
    }

    static Path create(Path runsDir, String experimentName, String stamp) throws IOException {
        checkUsable(runsDir);
        String safe = experimentName == null || experimentName.isBlank() ? "run"
                : experimentName.replaceAll("[^A-Za-z0-9._-]+", "-");
        String base = stamp + "-" + safe;
        for (int i = 1; i <= MAX_ATTEMPTS; i++) {
            Path folder = runsDir.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException taken) {
                // another run has this name: try the next suffix
            }
        }
        throw new IOException("cannot find a free run folder name for " + base + " in " + runsDir);
    }

    /**
     * Checks, before training starts, that runs can be written under {@code runsDir}: creates it when missing, then
     * writes and deletes a probe file (permission bits do not tell, for example for root or on a read-only mount).
     *
     * @throws RunsFolderException saying what is wrong in words, for the CLI and the app to show as is
     */
    public static void checkUsable(Path runsDir) throws RunsFolderException {
        Path dir = runsDir.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunsFolderException(runsDir, "the runs folder " + dir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RunsFolderException(runsDir, "the runs folder " + dir + " is missing and cannot be created ("
                    + reason(e) + ")");
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(dir, ".write-check", ".tmp");
        } catch (IOException e) {
            throw new RunsFolderException(runsDir, "the runs folder " + dir + " is not writable (" + reason(e) + ")");
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // a leftover empty probe file does no harm
                }
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The runs folder cannot take a new run; the message says why and what to do. */
    public static final class RunsFolderException extends IOException {
        private final transient Path runsDir;

        RunsFolderException(Path runsDir, String problem) {
            super(problem + ". Choose another folder for runs.");
            this.runsDir = runsDir;
        }

        public Path runsDir() {
            return runsDir;
        }
    }
}
