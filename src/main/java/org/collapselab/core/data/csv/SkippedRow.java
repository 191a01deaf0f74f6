package org.collapselab.core.data.csv;

/**
 * A CSV row that was not loaded, and why (shown to the user and written to the report, like a skipped image file).
 *
 * @param line the 1-based line of the file where the row starts (the header is line 1)
 */
public record SkippedRow(int line, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
