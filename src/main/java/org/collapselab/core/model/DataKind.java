package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** What the training data is: a folder of images, or a CSV file of feature rows or of time series. */
public enum DataKind {
    IMAGES("images"),
    TABULAR("tabular"),
    SEQUENCE("sequence");

    private final String json;

    DataKind(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    /** Whether the data comes from a CSV file. */
    public boolean isTable() {
        return this != IMAGES;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(DataKind::json).toList();
    }

    public static DataKind fromJson(String name) {
        for (DataKind value : values()) {
            if (value.json.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown value '" + name + "', expected one of " + names());
    }

    @Override
    public String toString() {
        return json;
    }
}
