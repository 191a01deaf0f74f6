package org.collapselab.core.experiment.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.util.Json;

/**
 * Reads the run folders under a runs directory into table rows: GUI runs, CLI runs and sweep trials alike
 * (a folder holding config.json or report.json, found up to {@value #MAX_DEPTH} levels down, so
 * {@code sweeps/<name>/trial-NNN} counts). A damaged or half-written folder becomes a row that says what is
 * wrong rather than failing the whole table. Blocking file I/O; call off the FX thread.
 */
public final class RunIndex {
    public static final String NOTE_FILE = "note.txt";
    static final int MAX_DEPTH = 3;

    private RunIndex() {
    }

    /** The runs under {@code root}, newest first, with the hyperparameters that differ among them. */
    public static RunTable scan(Path root) throws IOException {
        return scan(List.of(root));
    }

    /**
     * The runs under each root (the GUI passes runs/ and the sweeps/ beside it), newest first. A run deeper than
     * its root's first level is named by its path from the root ({@code lr-sweep/trial-001}), since trial names
     * repeat across sweeps.
     */
    public static RunTable scan(List<Path> roots) throws IOException {
        List<RunSummary> runs = new ArrayList<>();
        for (Path root : roots) {
            runs.addAll(scanRoot(root));
        }
        runs.sort(Comparator.comparing((RunSummary r) -> r.start() == null ? Instant.EPOCH : r.start()).reversed()
                .thenComparing(RunSummary::name));
        return RunTable.of(runs);
    }

    /**
     * The runs under one root: rows whose files are unchanged come from {@link RunIndexCache}, the others are read
     * (in parallel: parsing dominates) and the cache is replaced when anything changed.
     */
    private static List<RunSummary> scanRoot(Path root) throws IOException {
        List<Path> folders = runFolders(root);
        Map<String, RunIndexCache.Row> cached = RunIndexCache.read(root);
        Map<String, RunIndexCache.Row> rows = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean(
                cached.size() != folders.size());
        List<RunSummary> runs = folders.parallelStream().map(folder -> {
            String name = root.relativize(folder).toString().replace('\\', '/');
            List<Long> stamp = RunIndexCache.stamp(folder);
            RunIndexCache.Row row = cached.get(name);
            if (RunIndexCache.fresh(row, stamp)) {
                rows.put(name, row);
                return row.toSummary(folder, name);
            }
            changed.set(true);
            RunSummary run = read(folder, name);
            rows.put(name, RunIndexCache.Row.of(run, stamp));
            return run;
        }).toList();
        if (changed.get() && !folders.isEmpty()) {
            RunIndexCache.write(root, new java.util.TreeMap<>(rows));
        }
        return runs;
    }

    /** Whether {@code folder} looks like a run folder (it holds config.json or report.json). */
    public static boolean isRunFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(RunRecorder.CONFIG_FILE)) || Files.isRegularFile(folder.resolve(RunReport.FILE));
    }

    static List<Path> runFolders(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        Files.walkFileTree(root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root) && isRunFolder(dir)) {
                            found.add(dir);
                            return FileVisitResult.SKIP_SUBTREE; // a run's own files are not runs
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        // folders at the depth limit arrive here rather than in preVisitDirectory
                        if (attrs.isDirectory() && isRunFolder(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // an unreadable corner does not hide the other runs
                    }
                });
        return found;
    }

    /** One run folder as a row, named after the folder; never throws for a damaged folder. */
    public static RunSummary read(Path folder) {
        return read(folder, folder.getFileName().toString());
    }

    private static RunSummary read(Path folder, String name) {
        List<String> problems = new ArrayList<>();
        Map<String, String> parameters = Map.of();
        Path configFile = folder.resolve(RunRecorder.CONFIG_FILE);
        if (Files.isRegularFile(configFile)) {
            try {
                JsonNode tree = Json.MAPPER.readTree(configFile.toFile());
                parameters = ConfigParameters.flatten(tree);
            } catch (IOException e) {
                problems.add(RunRecorder.CONFIG_FILE + " is unreadable: " + firstLine(e));
            }
        } else {
            problems.add("no " + RunRecorder.CONFIG_FILE);
        }
        TableFields report = null;
        Path reportFile = folder.resolve(RunReport.FILE);
        if (Files.isRegularFile(reportFile)) {
            try {
                report = Json.MAPPER.readValue(reportFile.toFile(), TableFields.class);
            } catch (IOException | RuntimeException e) {
                problems.add(RunReport.FILE + " is unreadable: " + firstLine(e));
            }
        } else {
            problems.add("no " + RunReport.FILE + " (the run stopped before writing it)");
        }
        if (parameters.isEmpty() && report != null && report.config() != null) {
            parameters = ConfigParameters.flatten(report.config());
        }
        String note = readNote(folder);
        Instant start = startOf(folder);
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        if (report == null) {
            String status = Files.isRegularFile(reportFile) ? "unreadable" : "incomplete";
            return new RunSummary(folder, name, status, start, Double.NaN, "", parameters, Double.NaN, Double.NaN,
                    Double.NaN, false, "", false, "", 0, "", note, problem, null, Double.NaN, Double.NaN);
        }
        double seconds = report.epochs().stream().mapToDouble(EpochSeconds::seconds).filter(Double::isFinite).sum();
        RunReport.FinalSection last = report.finalResult();
        boolean collapsed = report.collapse() != null && report.collapse().collapsed();
        List<Finding> findings = report.findings() == null ? List.of() : report.findings();
        StringBuilder findingsText = new StringBuilder();
        findings.forEach(f -> findingsText.append(' ').append(f.id()).append(' ').append(f.title()));
        return new RunSummary(folder, name, RunReport.displayStatus(report.status(), folder), start,
                report.epochs().isEmpty() ? Double.NaN : seconds, engineOf(report.backend()), parameters,
                last == null ? Double.NaN : last.validationAccuracy(), last == null ? Double.NaN : last.balancedAccuracy(),
                last == null ? Double.NaN : last.macroF1(), collapsed, collapsed ? report.collapse().dominantClass() : "",
                last != null, topFinding(findings), findings.size(), findingsText.toString().strip(), note, problem,
                new RunSummary.ReportSource(folder), orNaN(last == null ? null : last.balancedAccuracyLow()),
                orNaN(last == null ? null : last.balancedAccuracyHigh()));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    /**
     * The part of report.json the table shows. Reading only these skips the bulk of the file (every epoch's
     * confusion matrix and the dataset's file lists); the whole report is read when a run is opened.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record TableFields(RunStatus status, BackendInfo backend, JsonNode config, List<EpochSeconds> epochs,
                       @com.fasterxml.jackson.annotation.JsonProperty("final") RunReport.FinalSection finalResult,
                       CollapseVerdict collapse, List<Finding> findings) {
        TableFields {
            epochs = epochs == null ? List.of() : epochs;
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record EpochSeconds(double seconds) {
    }

    /** The finding ranked most likely (rank 1 first), else the most severe; its title. */
    static String topFinding(List<Finding> findings) {
        return findings.stream()
                .min(Comparator.comparingInt((Finding f) -> f.rank() > 0 ? f.rank() : Integer.MAX_VALUE)
                        .thenComparing(f -> f.severity() == null ? 0 : -f.severity().ordinal()))
                .map(Finding::title).orElse("");
    }

    private static String engineOf(BackendInfo backend) {
        if (backend == null) {
            return "";
        }
        String engine = backend.engine();
        String device = backend.device();
        // "multilayer (reason)" keeps only the engine's name; the reason is on the run's own report.
        String shortEngine = engine == null ? "" : engine.split("[ (]", 2)[0];
        return shortEngine.isEmpty() ? String.valueOf(device) : device == null ? shortEngine : shortEngine + " · " + device;
    }

    /** When the run started: config.json is written before the first iteration and never again. */
    private static Instant startOf(Path folder) {
        for (Path file : List.of(folder.resolve(RunRecorder.CONFIG_FILE), folder.resolve(RunReport.FILE), folder)) {
            try {
                return Files.getLastModifiedTime(file).toInstant();
            } catch (IOException e) {
                // try the next witness
            }
        }
        return null;
    }

    public static String readNote(Path folder) {
        Path file = folder.resolve(NOTE_FILE);
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Keeps {@code note} in the run folder (note.txt); an empty note removes the file. */
    public static void writeNote(Path folder, String note) throws IOException {
        if (!isRunFolder(folder)) {
            throw new IOException(folder + " is not a run folder");
        }
        Path file = folder.resolve(NOTE_FILE);
        if (note == null || note.isBlank()) {
            Files.deleteIfExists(file);
            return;
        }
        Json.writeAtomically(file, note.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Deletes a run folder and everything in it. {@code confirmed} must be true: the caller states that the user
     * agreed, so no code path deletes runs by default. Refuses folders that are not runs, and runs still training.
     */
    public static void delete(Path folder, boolean confirmed) throws IOException {
        if (!confirmed) {
            throw new IllegalArgumentException("deleting " + folder.getFileName() + " needs the user's confirmation");
        }
        if (!isRunFolder(folder)) {
            throw new IOException(folder + " is not a run folder; nothing deleted");
        }
        RunReport report = null;
        try {
            report = RunReport.read(folder);
        } catch (IOException | RuntimeException e) {
            // an unreadable report does not protect the folder: such folders are what users want to clean up
        }
        if (report != null && "running".equals(report.displayStatus(folder))) {
            throw new IOException(folder.getFileName() + " is still training; stop it first");
        }
        try (var paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
