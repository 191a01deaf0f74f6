package org.collapselab.core.experiment.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file as it travels to Spark executors: its name and bytes. Executors write it to a temporary folder under the
 * same name and read it as a local trial does, so each trial reads the file the way its own config says (kind, label
 * column, missing values), and parse errors and skipped rows are those of the local sweep.
 */
public final class BroadcastCsv implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final byte[] bytes;

    private BroadcastCsv(String fileName, byte[] bytes) {
        this.fileName = fileName;
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException when the file is larger than {@link BroadcastDataset#MAX_BYTES} */
    public static BroadcastCsv of(Path csv) throws IOException {
        long size = Files.size(csv);
        if (size > BroadcastDataset.MAX_BYTES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s is %.0f MB, more than the %.0f MB a sweep broadcasts to Spark executors", csv.getFileName(),
                    size / 1e6, BroadcastDataset.MAX_BYTES / 1e6));
        }
        return new BroadcastCsv(csv.getFileName().toString(), Files.readAllBytes(csv));
    }

    public long bytes() {
        return bytes.length;
    }

    /** Writes the file into a new temporary folder; returns its path there. */
    public Path writeToTemporaryFolder() throws IOException {
        Path folder = Files.createTempDirectory("collapse-lab-csv-");
        folder.toFile().deleteOnExit();
        Path file = folder.resolve(fileName);
        Files.write(file, bytes);
        file.toFile().deleteOnExit();
        return file;
    }
}
