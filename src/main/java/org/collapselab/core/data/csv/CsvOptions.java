package org.collapselab.core.data.csv;

/**
 * How to read a CSV file.
 *
 * @param kind             tabular (one feature vector per row) or sequence (one series per row)
 * @param labelColumn      the label's column name; null picks a column named label, class or target, else the last
 * @param missing          drop rows with empty cells, or impute the training mean later
 * @param sequenceChannels for sequences: how many interleaved channels the numeric columns hold (t0c0, t0c1, t1c0…)
 * @param maxLevels        the most distinct values a string column may have to be one-hot encoded
 */
public record CsvOptions(TableKind kind, String labelColumn, MissingPolicy missing, int sequenceChannels,
                         int maxLevels) {
    public static final int DEFAULT_MAX_LEVELS = 50;

    public CsvOptions {
        if (kind == null || missing == null) {
            throw new IllegalArgumentException("kind and missing must be given");
        }
        if (sequenceChannels < 1) {
            throw new IllegalArgumentException("sequenceChannels must be at least 1, was " + sequenceChannels);
        }
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels must be at least 1, was " + maxLevels);
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            labelColumn = null;
        }
    }

    public static CsvOptions tabular() {
        return new CsvOptions(TableKind.TABULAR, null, MissingPolicy.DROP, 1, DEFAULT_MAX_LEVELS);
    }

    public static CsvOptions sequence() {
        return new CsvOptions(TableKind.SEQUENCE, null, MissingPolicy.DROP, 1, DEFAULT_MAX_LEVELS);
    }

    public CsvOptions withLabelColumn(String column) {
        return new CsvOptions(kind, column, missing, sequenceChannels, maxLevels);
    }

    public CsvOptions withMissing(MissingPolicy policy) {
        return new CsvOptions(kind, labelColumn, policy, sequenceChannels, maxLevels);
    }

    public CsvOptions withSequenceChannels(int channels) {
        return new CsvOptions(kind, labelColumn, missing, channels, maxLevels);
    }

    public CsvOptions withMaxLevels(int levels) {
        return new CsvOptions(kind, labelColumn, missing, sequenceChannels, levels);
    }
}
