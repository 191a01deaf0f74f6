package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** What happens to empty CSV cells: the row is dropped, or the cell gets its feature's training-split mean. */
public enum MissingValues {
    DROP("drop"),
    MEAN("mean");

    private final String json;

    MissingValues(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(MissingValues::json).toList();
    }

    public static MissingValues fromJson(String name) {
        for (MissingValues value : values()) {
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
