package org.collapselab.core.data.csv;

import java.util.Locale;

/** What one CSV row is: a feature vector ({@code tabular}) or a time series ({@code sequence}). */
public enum TableKind {
    TABULAR,
    SEQUENCE;

    /** The name used in config files and on the command line. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TableKind fromJson(String name) {
        for (TableKind kind : values()) {
            if (kind.json().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown data kind '" + name + "', expected tabular or sequence");
    }
}
