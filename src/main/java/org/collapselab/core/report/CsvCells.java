package org.collapselab.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Text cells for every CSV the app exports. A spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} (and, in some, a tab or carriage return) as a formula, so a class folder named
 * {@code =HYPERLINK(...)} would turn an exported table into an attack. Such cells get a leading single quote, as
 * OWASP's "CSV Injection" page recommends; then every cell is quoted per RFC 4180 when it needs it.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** A text cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = neutralised(value);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || safe.indexOf(';') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /**
     * {@code value} with a leading single quote when a spreadsheet would read it as a formula. A value that already
     * starts with a quote gets one more (spreadsheets hide the first), so {@link #restored} gives back every value.
     */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\'';
        return formula ? "'" + value : value;
    }

    /** The value {@link #neutralised} was given, for files the app reads back (after CSV unquoting). */
    public static String restored(String cell) {
        return cell != null && cell.startsWith("'") ? cell.substring(1) : cell;
    }

    /** A number cell written the same under every locale (a decimal point, never a comma). */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** One line of text cells, comma-separated. */
    public static String row(String... texts) {
        return Arrays.stream(texts).map(CsvCells::text).collect(Collectors.joining(","));
    }
}
