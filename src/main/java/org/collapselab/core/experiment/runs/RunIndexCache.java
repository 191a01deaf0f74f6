package org.collapselab.core.experiment.runs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.util.Json;

/**
 * The runs table's rows as last read, kept in the app's cache folder (one file per runs folder, named after a hash
 * of its path; never inside the runs folder, which may be read-only or shared), so reopening a table of
 * 1,000 runs stats three files per run instead of parsing two JSON files. A row is reused only while its folder's
 * config.json, report.json and note.txt have the size and modification time they had when it was read, so a run
 * that trains on, a note edited by the CLI or a folder copied in is read again; a missing, damaged or foreign cache
 * is ignored. A run still marked running keeps being re-read (its status depends on who holds its lock).
 *
 * @implNote Writing the cache is best effort: a read-only runs folder simply has none. Two processes writing it
 * at once replace it whole ({@link Json#writeAtomically}); the loser's rows are read again next time.
 */
final class RunIndexCache {
    /** Overrides where the cache files go (tests); the default is the platform's cache folder. */
    static final String DIRECTORY_PROPERTY = "collapselab.runsIndexCache";
    /** Bump when a row's fields or their meaning change, so old caches are ignored. */
    static final int VERSION = 2;

    private RunIndexCache() {
    }

    /** What the table shows of one run, without the parts the index derives from the folder itself. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(List<Long> stamp, String status, double durationSeconds, String engine, Map<String, String> parameters,
               double validationAccuracy, double balancedAccuracy, double macroF1, boolean collapsed,
               String collapsedOnto, boolean judged, String topFinding, int findingCount, String findingsText,
               String note, String problem, boolean hasReport, Long startNanos, double balancedAccuracyLow,
               double balancedAccuracyHigh) {

        static Row of(RunSummary run, List<Long> stamp) {
            return new Row(stamp, run.status(), run.durationSeconds(), run.engine(), run.parameters(),
                    run.validationAccuracy(), run.balancedAccuracy(), run.macroF1(), run.collapsed(), run.collapsedOnto(),
                    run.judged(), run.topFinding(), run.findingCount(), run.findingsText(), run.note(), run.problem(),
                    run.hasReport(), run.start() == null ? null
                    : run.start().getEpochSecond() * 1_000_000_000L + run.start().getNano(),
                    run.balancedAccuracyLow(), run.balancedAccuracyHigh());
        }

        RunSummary toSummary(Path folder, String name) {
            java.time.Instant start = startNanos == null ? null
                    : java.time.Instant.ofEpochSecond(0, startNanos);
            return new RunSummary(folder, name, status, start, durationSeconds, engine,
                    parameters == null ? Map.of() : parameters, validationAccuracy, balancedAccuracy, macroF1, collapsed,
                    collapsedOnto, judged, topFinding, findingCount, findingsText, note, problem,
                    hasReport ? new RunSummary.ReportSource(folder) : null, balancedAccuracyLow, balancedAccuracyHigh);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(int version, Map<String, Row> rows) {
    }

    /** The cached rows of {@code root} by relative folder name; empty when there is no usable cache. */
    static Map<String, Row> read(Path root) {
        Path file = file(root);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Content content = Json.MAPPER.readValue(file.toFile(), Content.class);
            return content.version() == VERSION && content.rows() != null ? content.rows() : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // damaged or foreign: read every folder, then replace it
        }
    }

    /** Replaces the cache of {@code root}; silently does nothing where it cannot be written. */
    static void write(Path root, Map<String, Row> rows) {
        try {
            Path file = file(root);
            Files.createDirectories(file.getParent());
            Json.writeAtomically(file, new Content(VERSION, rows));
        } catch (IOException | RuntimeException e) {
            // read-only or full: the table still works, it just reads every folder next time
        }
    }

    /** The cache file of the runs folder {@code root}. */
    static Path file(Path root) {
        String chosen = System.getProperty(DIRECTORY_PROPERTY);
        Path directory = chosen != null ? Path.of(chosen)
                : org.collapselab.core.util.NativeCache.appCacheDirectory().resolve("runs-index");
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(
                    root.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return directory.resolve(java.util.HexFormat.of().formatHex(hash, 0, 16) + ".json");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Size and modification time of config.json, report.json and note.txt (-1 for a missing file). */
    static List<Long> stamp(Path folder) {
        Long[] stamp = new Long[6];
        int i = 0;
        for (String name : List.of(RunRecorder.CONFIG_FILE, RunReport.FILE, RunIndex.NOTE_FILE)) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(folder.resolve(name), BasicFileAttributes.class);
                stamp[i++] = attrs.size();
                stamp[i++] = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (NoSuchFileException e) {
                stamp[i++] = -1L;
                stamp[i++] = -1L;
            } catch (IOException e) {
                stamp[i++] = -2L; // unreadable: never matches, so the folder is read (and its problem shown)
                stamp[i++] = System.nanoTime();
            }
        }
        return List.of(stamp);
    }

    static boolean fresh(Row row, List<Long> stamp) {
        // A run marked running is shown as running or interrupted depending on who holds its lock: ask every time.
        return row != null && Objects.equals(row.stamp(), stamp) && !"running".equals(row.status())
                && !"interrupted".equals(row.status());
    }
}
