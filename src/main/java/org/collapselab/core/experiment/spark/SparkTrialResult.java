package org.collapselab.core.experiment.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a trial task sends back: its run folder (config.json, metrics.csv, report.json and, on request, model.zip)
 * zipped, or the reason it failed on every attempt. The driver unpacks it into the sweep folder, so a trial run on
 * a cluster leaves the same run folder as a local one.
 *
 * @param failure null when the trial ran (whatever its status); else why it could not
 * @param attempt  Spark's attempt number of the task that ran it (0: the first; more after a lost executor)
 */
public record SparkTrialResult(String id, byte[] runFolderZip, String failure, String executor, int attempt)
        implements Serializable {

    /** Writes the run folder's files into {@code folder}; only plain file names are accepted. */
    public void unpackInto(Path folder) throws IOException {
        if (runFolderZip == null) {
            throw new IOException("trial " + id + " sent no run folder: " + failure);
        }
        Files.createDirectories(folder);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(runFolderZip))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.contains("/") || name.contains("\\") || name.equals("..")
                        || name.isBlank()) {
                    throw new IOException("unexpected entry '" + name + "' in the run folder of trial " + id);
                }
                Path target = folder.resolve(name);
                Path partial = folder.resolve(name + ".part");
                Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
