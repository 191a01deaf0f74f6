package org.collapselab.core.data.csv;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where cells were empty and what was done about it, for the Data screen and the report.
 *
 * @param columns       source columns with at least one empty cell, in file order, with their counts
 * @param rowsDropped   rows removed because of an empty cell ({@link MissingPolicy#DROP}); 0 for {@code mean}
 * @param trainingMeans feature name → the value that filled its empty cells (empty until imputed;
 *                      a one-hot feature's mean is its level's share of the training rows)
 */
public record MissingValueReport(MissingPolicy policy, List<ColumnMissing> columns, int rowsDropped,
                                 Map<String, Double> trainingMeans) {

    /** A column and how many of its cells were empty. */
    public record ColumnMissing(String column, int missing) {
    }

    public MissingValueReport {
        columns = List.copyOf(columns);
        trainingMeans = Map.copyOf(trainingMeans);
    }

    public int totalMissing() {
        return columns.stream().mapToInt(ColumnMissing::missing).sum();
    }

    public boolean imputed() {
        return !trainingMeans.isEmpty();
    }

    /** One sentence, e.g. "3 empty cells (2 in age, 1 in region): 2 rows dropped." */
    public String describe() {
        if (columns.isEmpty()) {
            return "No empty cells.";
        }
        String perColumn = columns.stream().map(c -> c.missing() + " in " + c.column()).collect(Collectors.joining(", "));
        String head = String.format(Locale.ROOT, "%d empty cell%s (%s)", totalMissing(), totalMissing() == 1 ? "" : "s",
                perColumn);
        return switch (policy) {
            case DROP -> head + ": " + rowsDropped + " row" + (rowsDropped == 1 ? "" : "s") + " dropped.";
            case MEAN -> head + (imputed() ? ": filled with the training-split mean of each column."
                    : ": to be filled with the training-split mean of each column.");
        };
    }
}
