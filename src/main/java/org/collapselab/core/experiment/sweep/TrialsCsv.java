package org.collapselab.core.experiment.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.report.CsvCells;

/**
 * {@code trials.csv}: one row per finished trial, appended and forced to disk as each trial ends, so that a sweep
 * killed at any moment keeps every finished trial. A row is written whole or, if the process dies mid-write, left
 * without its line end; {@link #open} cuts such a tail off, and that trial counts as unfinished. Thread-safe appends.
 */
public final class TrialsCsv implements AutoCloseable {
    public static final String FILE = "trials.csv";
    private static final List<String> BEFORE = List.of("trial", "rung", "epochs");
    private static final List<String> AFTER = List.of("status", "objective", "balancedAccuracy", "validationAccuracy",
            "macroF1", "validationLoss", "collapsed", "dominantClass", "topFinding", "seconds", "runFolder", "reason");

    private final FileChannel channel;
    private final List<String> parameters;
    private final List<TrialResult> rows;

    private TrialsCsv(FileChannel channel, List<String> parameters, List<TrialResult> rows) {
        this.channel = channel;
        this.parameters = List.copyOf(parameters);
        this.rows = rows;
    }

    /** The header for these parameter paths. */
    public static List<String> header(List<String> parameters) {
        List<String> header = new ArrayList<>(BEFORE);
        header.addAll(parameters);
        header.addAll(AFTER);
        return header;
    }

    /**
     * Opens (creating it with its header) the trials.csv of a sweep folder for appending, after reading the rows
     * already there and dropping an unfinished last line.
     */
    public static TrialsCsv open(Path sweepFolder, List<String> parameters) throws IOException {
        Path file = sweepFolder.resolve(FILE);
        List<TrialResult> rows = new ArrayList<>();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                channel.truncate(end); // a row cut off by a kill: its trial is redone
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                channel.position(0);
                write(channel, String.join(",", header(parameters)) + "\n");
            } else {
                String[] lines = text.split("\n");
                if (!split(lines[0]).equals(header(parameters))) {
                    throw new IOException(file + " has other columns than this sweep's parameters " + parameters
                            + "; is it another sweep's folder?");
                }
                for (int i = 1; i < lines.length; i++) {
                    if (!lines[i].isBlank()) {
                        rows.add(parse(parameters, lines[i]));
                    }
                }
            }
            channel.position(channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new TrialsCsv(channel, parameters, rows);
    }

    /** The rows of a sweep folder's trials.csv, without opening it for writing. */
    public static List<TrialResult> read(Path sweepFolder, List<String> parameters) throws IOException {
        Path file = sweepFolder.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<TrialResult> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String all = Files.readString(file, StandardCharsets.UTF_8);
        int complete = all.endsWith("\n") ? lines.size() : lines.size() - 1;
        for (int i = 1; i < complete; i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(parse(parameters, lines.get(i)));
            }
        }
        return rows;
    }

    /** The rows that were there when the file was opened, then every appended one. */
    public synchronized List<TrialResult> rows() {
        return List.copyOf(rows);
    }

    /** Appends a row and forces it to disk before returning. */
    public synchronized void append(TrialResult row) throws IOException {
        write(channel, line(parameters, row) + "\n");
        channel.force(false);
        rows.add(row);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    static String line(List<String> parameters, TrialResult r) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(r.trial()));
        cells.add(String.valueOf(r.rung()));
        cells.add(String.valueOf(r.epochs()));
        for (String path : parameters) {
            cells.add(text(r.parameters().getOrDefault(path, "")));
        }
        cells.add(text(r.status()));
        cells.add(number(r.objective()));
        cells.add(number(r.balancedAccuracy()));
        cells.add(number(r.validationAccuracy()));
        cells.add(number(r.macroF1()));
        cells.add(number(r.validationLoss()));
        cells.add(String.valueOf(r.collapsed()));
        cells.add(text(r.dominantClass()));
        cells.add(text(r.topFinding()));
        cells.add(String.format(Locale.ROOT, "%.1f", r.seconds()));
        cells.add(text(r.runFolder()));
        cells.add(text(r.reason()));
        String line = String.join(",", cells);
        return line;
    }

    static TrialResult parse(List<String> parameters, String line) throws IOException {
        List<String> cells = split(line);
        int expected = BEFORE.size() + parameters.size() + AFTER.size();
        if (cells.size() != expected) {
            throw new IOException("trials.csv row has " + cells.size() + " cells, expected " + expected + ": " + line);
        }
        try {
            int i = 0;
            int trial = Integer.parseInt(cells.get(i++));
            int rung = Integer.parseInt(cells.get(i++));
            int epochs = Integer.parseInt(cells.get(i++));
            Map<String, String> values = new LinkedHashMap<>();
            for (String path : parameters) {
                values.put(path, restored(cells.get(i++)));
            }
            return new TrialResult(trial, rung, epochs, values, restored(cells.get(i++)), parseNumber(cells.get(i++)),
                    parseNumber(cells.get(i++)), parseNumber(cells.get(i++)), parseNumber(cells.get(i++)),
                    parseNumber(cells.get(i++)), Boolean.parseBoolean(cells.get(i++)), restored(cells.get(i++)),
                    restored(cells.get(i++)), parseNumber(cells.get(i++)), restored(cells.get(i++)),
                    restored(cells.get(i)));
        } catch (NumberFormatException e) {
            throw new IOException("trials.csv row is not readable (" + e.getMessage() + "): " + line);
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replaceAll("\\.(e|$)", "$1");
    }

    private static String restored(String cell) {
        return CsvCells.restored(cell);
    }

    private static double parseNumber(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    /**
     * A text cell on one line (the file is read line by line), neutralised against spreadsheet formulas
     * ({@link CsvCells}) and quoted when needed.
     */
    private static String text(String cell) {
        return CsvCells.text(cell == null ? "" : cell.replace('\n', ' ').replace('\r', ' '));
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
