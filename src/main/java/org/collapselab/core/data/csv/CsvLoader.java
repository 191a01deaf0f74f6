package org.collapselab.core.data.csv;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.collapselab.core.data.DataException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV file into a {@link TableDataset}. Tablesaw reads every cell as text; numbers are then parsed
 * here with a fixed grammar ('.' as the decimal point, whatever the JVM locale), so one bad cell skips one
 * row, reported with its line, instead of failing the file or turning a numeric column into text.
 * Blocking (reads the whole file); call from a worker thread.
 */
public final class CsvLoader {
    /** Names that mark the label column when none is given (compared without case). */
    public static final List<String> LABEL_NAMES = List.of("label", "class", "target");
    static final int PREVIEW_ROWS = 20;
    /** Tablesaw's column holding each record's starting line, so rows it drops can be reported by line. */
    private static final String LINE_COLUMN = "__collapse_lab_line__";
    private static final Set<String> MISSING_TOKENS = Set.of("na", "n/a", "nan", "null", "none", "?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

    private CsvLoader() {
    }

    public static TableDataset load(Path file, CsvOptions options) throws DataException {
        if (file == null || !Files.exists(file)) {
            throw new DataException("the CSV file does not exist: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException("not a file: " + file + " — choose a .csv file (or a folder of class folders "
                    + "for images)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage());
        }
        CsvText text = CsvText.parse(file, bytes);
        if (text.header().fields() < 2) {
            throw new DataException("not a CSV file: the first line of " + file.getFileName()
                    + " has no comma, semicolon or tab between column names ('" + abbreviate(text.header().text())
                    + "'); a CSV file needs a header line naming at least a feature and the label");
        }
        Table table = readCells(file, text);
        List<String> header = table.columnNames().subList(1, table.columnCount());
        checkHeader(text, header);
        if (text.records().isEmpty()) {
            throw new DataException("no data rows: " + file.getFileName() + " holds only the header line");
        }
        return new Conversion(file, options, text, table, header).run();
    }

    /** All cells as text, plus the record's line in column 0; records with the wrong field count are left out. */
    private static Table readCells(Path file, CsvText text) throws DataException {
        char sep = text.separator();
        StringBuilder numbered = new StringBuilder(text.header().text().length() * (text.records().size() + 1));
        numbered.append(LINE_COLUMN).append(sep).append(text.header().text()).append('\n');
        for (CsvText.Record record : text.records()) {
            numbered.append(record.line()).append(sep).append(record.text()).append('\n');
        }
        ColumnType[] types = new ColumnType[text.header().fields() + 1];
        Arrays.fill(types, ColumnType.STRING);
        int longest = text.records().stream().mapToInt(r -> r.text().length()).max().orElse(0);
        try {
            return Table.read().usingOptions(CsvReadOptions.builder(new StringReader(numbered.toString()))
                    .tableName(file.getFileName().toString())
                    .separator(sep)
                    .header(true)
                    .columnTypes(types)
                    .skipRowsWithInvalidColumnCount(true)
                    .allowDuplicateColumnNames(true)
                    .maxNumberOfColumns(types.length + 1)
                    .maxCharsPerColumn(Math.max(4096, longest + 1)));
        } catch (RuntimeException e) {
            throw new DataException("cannot read " + file.getFileName() + " as CSV: " + e.getMessage());
        }
    }

    /** Rejects a first line of numbers only. Duplicate or empty names are fine: Tablesaw renames them (x-2, C1). */
    private static void checkHeader(CsvText text, List<String> header) throws DataException {
        if (header.stream().allMatch(name -> NUMBER.matcher(name.trim()).matches())) {
            throw new DataException("no header line: line " + text.header().line() + " holds only numbers ('"
                    + abbreviate(text.header().text()) + "'); the first line must name the columns, e.g. "
                    + "x1,x2,label");
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "…";
    }

    static boolean isMissing(String cell) {
        return cell.isEmpty() || MISSING_TOKENS.contains(cell.toLowerCase(Locale.ROOT));
    }

    /** The number in {@code cell}, parsed the same way under every locale; NaN when it is not one. */
    static double parseNumber(String cell) {
        if (!NUMBER.matcher(cell).matches()) {
            return Double.NaN;
        }
        return Double.parseDouble(cell);
    }

    /** One file's cells turned into a dataset; holds the working state of a single {@link #load} call. */
    private static final class Conversion {
        private final Path file;
        private final CsvOptions options;
        private final CsvText text;
        private final Table table;
        private final List<String> header;
        private final int rows;
        private final String[][] cells;
        private final int[] lines;
        /** Per numeric column, each cell's value: NaN when it is not a number, infinite when too large for a float. */
        private final float[][] numbers;

        Conversion(Path file, CsvOptions options, CsvText text, Table table, List<String> header) {
            this.file = file;
            this.options = options;
            this.text = text;
            this.table = table;
            this.header = header;
            this.rows = table.rowCount();
            this.cells = new String[rows][header.size()];
            this.lines = new int[rows];
            this.numbers = new float[header.size()][];
            for (int r = 0; r < rows; r++) {
                lines[r] = Integer.parseInt(table.stringColumn(0).get(r).trim());
                for (int c = 0; c < header.size(); c++) {
                    String cell = table.stringColumn(c + 1).get(r);
                    cells[r][c] = cell == null ? "" : cell.trim();
                }
            }
        }

        TableDataset run() throws DataException {
            List<SkippedRow> skipped = new ArrayList<>(recordsLeftOutByTablesaw());
            int label = labelColumn();
            boolean[] numeric = new boolean[header.size()];
            for (int c = 0; c < header.size(); c++) {
                numeric[c] = c != label && isNumericColumn(c);
            }
            boolean[] keep = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                String reason = rowProblem(r, label, numeric);
                keep[r] = reason == null;
                if (reason != null) {
                    skipped.add(new SkippedRow(lines[r], reason));
                }
            }
            skipped.sort(Comparator.comparingInt(SkippedRow::line));
            int kept = count(keep);
            if (kept == 0) {
                throw new DataException("no row of " + file.getFileName() + " could be read: " + skipped.stream()
                        .limit(3).map(SkippedRow::toString).collect(Collectors.joining("; "))
                        + (skipped.size() > 3 ? "; …" : ""));
            }

            List<String> featureNames = new ArrayList<>();
            List<String> featureColumns = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            Map<Integer, List<String>> levels = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (c == label) {
                    continue;
                }
                if (numeric[c]) {
                    featureNames.add(header.get(c));
                    featureColumns.add(header.get(c));
                } else if (options.kind() == TableKind.SEQUENCE) {
                    ignored.add(header.get(c));
                } else {
                    List<String> columnLevels = levels(c, keep);
                    levels.put(c, columnLevels);
                    for (String level : columnLevels) {
                        featureNames.add(header.get(c) + "=" + level);
                        featureColumns.add(header.get(c));
                    }
                }
            }
            checkFeatures(label, numeric, featureNames);
            int channels = options.kind() == TableKind.SEQUENCE ? options.sequenceChannels() : 1;

            int f = featureNames.size();
            float[] values = new float[rows * f];
            int[] missingPerColumn = new int[header.size()];
            boolean[] hasMissing = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                if (!keep[r]) {
                    continue;
                }
                int j = 0;
                for (int c = 0; c < header.size(); c++) {
                    if (c == label || (!numeric[c] && options.kind() == TableKind.SEQUENCE)) {
                        continue;
                    }
                    String cell = cells[r][c];
                    boolean missing = isMissing(cell);
                    if (missing) {
                        missingPerColumn[c]++;
                        hasMissing[r] = true;
                    }
                    if (numeric[c]) {
                        values[r * f + j++] = missing ? Float.NaN : numbers[c][r];
                    } else {
                        for (String level : levels.get(c)) {
                            values[r * f + j++] = missing ? Float.NaN : level.equals(cell) ? 1f : 0f;
                        }
                    }
                }
            }
            List<MissingValueReport.ColumnMissing> missingColumns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (missingPerColumn[c] > 0) {
                    missingColumns.add(new MissingValueReport.ColumnMissing(header.get(c), missingPerColumn[c]));
                }
            }
            int dropped = 0;
            if (options.missing() == MissingPolicy.DROP) {
                for (int r = 0; r < rows; r++) {
                    if (keep[r] && hasMissing[r]) {
                        keep[r] = false;
                        dropped++;
                    }
                }
                if (count(keep) == 0) {
                    throw new DataException("every row of " + file.getFileName() + " has an empty cell, so dropping "
                            + "them leaves nothing; use data.missing=mean to fill them with the training mean");
                }
            }
            MissingValueReport missing = new MissingValueReport(options.missing(), missingColumns, dropped, Map.of());

            List<String> classes = classNames(label, keep);
            int n = count(keep);
            int[] labels = new int[n];
            int[] keptLines = new int[n];
            float[] features = new float[n * f];
            for (int r = 0, i = 0; r < rows; r++) {
                if (keep[r]) {
                    labels[i] = classes.indexOf(cells[r][label]);
                    keptLines[i] = lines[r];
                    System.arraycopy(values, r * f, features, i * f, f);
                    i++;
                }
            }
            return new TableDataset(file, options.kind(), header.get(label), classes, labels, features, featureNames,
                    featureColumns, channels, keptLines, skipped, missing, ignored, preview());
        }

        private List<SkippedRow> recordsLeftOutByTablesaw() {
            Set<Integer> read = new HashSet<>();
            for (int line : lines) {
                read.add(line);
            }
            int expected = text.header().fields();
            List<SkippedRow> left = new ArrayList<>();
            for (CsvText.Record record : text.records()) {
                if (!read.contains(record.line())) {
                    left.add(new SkippedRow(record.line(), record.fields() != expected
                            ? "has " + record.fields() + " field" + (record.fields() == 1 ? "" : "s") + ", the header has "
                            + expected : "cannot be split into the header's " + expected + " fields"));
                }
            }
            return left;
        }

        private int labelColumn() throws DataException {
            String wanted = options.labelColumn();
            if (wanted != null) {
                int exact = header.indexOf(wanted);
                if (exact >= 0) {
                    return exact;
                }
                for (int c = 0; c < header.size(); c++) {
                    if (header.get(c).equalsIgnoreCase(wanted)) {
                        return c;
                    }
                }
                throw new DataException("no column named '" + wanted + "' for the label in " + file.getFileName()
                        + "; the columns are " + header);
            }
            for (String name : LABEL_NAMES) {
                for (int c = 0; c < header.size(); c++) {
                    if (header.get(c).trim().equalsIgnoreCase(name)) {
                        return c;
                    }
                }
            }
            return header.size() - 1;
        }

        /** A column is numeric when most of its non-empty cells are numbers; the others are then bad cells. */
        private boolean isNumericColumn(int c) throws DataException {
            int numbers = 0;
            int others = 0;
            int decimalCommas = 0;
            String example = null;
            float[] parsed = new float[rows];
            for (int r = 0; r < rows; r++) {
                String cell = cells[r][c];
                parsed[r] = Float.NaN;
                if (isMissing(cell)) {
                    continue;
                }
                double value = parseNumber(cell);
                if (!Double.isNaN(value)) {
                    numbers++;
                    parsed[r] = Math.abs(value) > Float.MAX_VALUE ? Float.POSITIVE_INFINITY : (float) value;
                } else {
                    others++;
                    if (DECIMAL_COMMA.matcher(cell).matches()) {
                        decimalCommas++;
                        example = example == null ? cell : example;
                    }
                }
            }
            if (decimalCommas * 2 > numbers + others) {
                throw new DataException("column '" + header.get(c) + "' writes numbers with a decimal comma ('"
                        + example + "'); Collapse Lab reads '.' as the decimal point in every locale, so export the "
                        + "file with '.' decimals (and ',' or ';' between fields)");
            }
            if (numbers > others) {
                this.numbers[c] = parsed;
                return true;
            }
            return false;
        }

        /** Why row {@code r} cannot be used, or null. */
        private String rowProblem(int r, int label, boolean[] numeric) {
            if (isMissing(cells[r][label])) {
                return "no label (column '" + header.get(label) + "' is empty)";
            }
            for (int c = 0; c < header.size(); c++) {
                String cell = cells[r][c];
                if (!numeric[c] || isMissing(cell)) {
                    continue;
                }
                if (Float.isNaN(numbers[c][r])) {
                    return "column '" + header.get(c) + "': '" + abbreviate(cell) + "' is not a number"
                            + (DECIMAL_COMMA.matcher(cell).matches() ? " (the decimal point must be '.')" : "");
                }
                if (Float.isInfinite(numbers[c][r])) {
                    return "column '" + header.get(c) + "': '" + abbreviate(cell) + "' is too large for a float";
                }
            }
            return null;
        }

        private List<String> levels(int c, boolean[] keep) throws DataException {
            Set<String> levels = new TreeSet<>();
            for (int r = 0; r < rows; r++) {
                if (keep[r] && !isMissing(cells[r][c])) {
                    levels.add(cells[r][c]);
                }
            }
            if (levels.size() > options.maxLevels()) {
                throw new DataException("column '" + header.get(c) + "' holds text with " + levels.size()
                        + " distinct values, more than the " + options.maxLevels() + " that one-hot encoding allows; "
                        + "remove the column, or make it numeric if it is a number");
            }
            return List.copyOf(levels);
        }

        private void checkFeatures(int label, boolean[] numeric, List<String> featureNames) throws DataException {
            List<String> textColumns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != label && !numeric[c]) {
                    textColumns.add(header.get(c));
                }
            }
            if (options.kind() == TableKind.SEQUENCE) {
                int numericCount = featureNames.size();
                if (numericCount == 0) {
                    throw new DataException("no numeric feature: " + file.getFileName() + " has no numeric column "
                            + "besides the label '" + header.get(label) + "' to form a series"
                            + (textColumns.isEmpty() ? "" : " (text columns: " + textColumns + ")"));
                }
                if (numericCount % options.sequenceChannels() != 0) {
                    throw new DataException(numericCount + " numeric columns do not split into "
                            + options.sequenceChannels() + " interleaved channels (data.sequenceChannels); "
                            + "each time step needs one column per channel");
                }
            } else if (featureNames.isEmpty()) {
                throw new DataException("no numeric feature: " + file.getFileName() + " has no column besides the "
                        + "label '" + header.get(label) + "'");
            }
        }

        /** Distinct labels of the kept rows: numeric order when all are numbers, else text order. */
        private List<String> classNames(int label, boolean[] keep) throws DataException {
            Set<String> distinct = new LinkedHashSet<>();
            for (int r = 0; r < rows; r++) {
                if (keep[r]) {
                    distinct.add(cells[r][label]);
                }
            }
            List<String> classes = new ArrayList<>(distinct);
            if (classes.stream().allMatch(name -> NUMBER.matcher(name).matches())) {
                classes.sort(Comparator.comparingDouble(Double::parseDouble));
            } else {
                classes.sort(Comparator.naturalOrder());
            }
            if (classes.size() < 2) {
                throw new DataException("only one class ('" + classes.get(0) + "') in the label column '"
                        + header.get(label) + "' of " + file.getFileName() + "; a classifier needs at least two"
                        + (options.labelColumn() == null ? " (is '" + header.get(label) + "' the label? set "
                        + "data.labelColumn)" : ""));
            }
            return classes;
        }

        private TableDataset.Preview preview() {
            List<List<String>> first = new ArrayList<>();
            for (int r = 0; r < Math.min(PREVIEW_ROWS, rows); r++) {
                first.add(Arrays.asList(cells[r]));
            }
            return new TableDataset.Preview(header, first);
        }

        private static int count(boolean[] flags) {
            int n = 0;
            for (boolean flag : flags) {
                n += flag ? 1 : 0;
            }
            return n;
        }
    }
}
