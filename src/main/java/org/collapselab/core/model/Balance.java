package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** How class imbalance is countered during training. */
public enum Balance {
    NONE("none"),
    CLASS_WEIGHTS("class-weights"),
    OVERSAMPLE("oversample"),
    UNDERSAMPLE("undersample");

    private final String json;

    Balance(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Balance::json).toList();
    }

    public static Balance fromJson(String name) {
        for (Balance value : values()) {
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
