package org.collapselab.core.data.csv;

import java.util.Locale;

/** What to do with empty cells: drop the row, or fill the cell with the column's mean over the training split. */
public enum MissingPolicy {
    DROP,
    MEAN;

    /** The name used in config files and on the command line. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MissingPolicy fromJson(String name) {
        for (MissingPolicy policy : values()) {
            if (policy.json().equals(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown missing-value policy '" + name + "', expected drop or mean");
    }
}
