package org.collapselab.core.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collapselab.core.data.DataException;

/**
 * Guesses from a CSV file's header whether each row is a time series or a feature vector, for a file opened
 * without a config that says so. A series file names its columns by position: one prefix and rising numbers
 * ({@code t000, t001…}, {@code x_1, x_2…}) or plain numbers, at least {@value #MIN_SERIES_COLUMNS} of them;
 * anything else reads as tabular. Only the first {@value #HEADER_BYTES} bytes are read. Blocking.
 */
public final class TableKindDetector {
    /** Fewer columns than this are too short a series to tell from numbered tabular features (x1, x2, x3). */
    public static final int MIN_SERIES_COLUMNS = 16;
    private static final int HEADER_BYTES = 64 * 1024;
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

    private TableKindDetector() {
    }

    /** The guess and why, in words the Data screen shows. */
    public record Detection(TableKind kind, String reason) {
    }

    public static Detection detect(Path file) throws DataException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage());
        }
        CsvText text = CsvText.parse(file, head);
        return detect(splitHeader(text.header().text(), text.separator()));
    }

    /** The guess for a header's column names. */
    public static Detection detect(List<String> header) {
        List<String> columns = new ArrayList<>(header);
        columns.remove(labelColumn(header));
        if (columns.size() < MIN_SERIES_COLUMNS) {
            return new Detection(TableKind.TABULAR, columns.size() + " feature columns, too few for a series");
        }
        String prefix = null;
        long previous = Long.MIN_VALUE;
        for (String column : columns) {
            Matcher m = NUMBERED.matcher(column.trim());
            if (!m.matches()) {
                return new Detection(TableKind.TABULAR, "column '" + column + "' is named, not numbered");
            }
            String p = m.group(1).toLowerCase(Locale.ROOT);
            long n = Long.parseLong(m.group(2).length() > 18 ? m.group(2).substring(0, 18) : m.group(2));
            if ((prefix != null && !prefix.equals(p)) || n <= previous) {
                return new Detection(TableKind.TABULAR, "the columns are not numbered in one rising run");
            }
            prefix = p;
            previous = n;
        }
        return new Detection(TableKind.SEQUENCE, columns.size() + " numbered columns " + columns.get(0).trim() + "…"
                + columns.get(columns.size() - 1).trim() + " (one time step each)");
    }

    /** The label column the loader picks when none is given: one named label, class or target, else the last. */
    static String labelColumn(List<String> header) {
        for (String name : CsvLoader.LABEL_NAMES) {
            for (String column : header) {
                if (column.trim().equalsIgnoreCase(name)) {
                    return column;
                }
            }
        }
        return header.get(header.size() - 1);
    }

    private static List<String> splitHeader(String line, char separator) {
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                names.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        names.add(current.toString());
        return names;
    }
}
