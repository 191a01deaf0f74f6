package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** How pixel values are scaled before they reach the network. */
public enum Normalization {
    NONE("none"),
    SCALE("scale"),
    STANDARDIZE("standardize");

    private final String json;

    Normalization(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    /** What this does to the inputs, for people: "standardized (mean 0, spread 1, from the training data)". */
    public String describe() {
        return switch (this) {
            case NONE -> "used as they are (no normalization)";
            case SCALE -> "scaled to 0–1";
            case STANDARDIZE -> "standardized (mean 0, spread 1, from the training data)";
        };
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Normalization::json).toList();
    }

    public static Normalization fromJson(String name) {
        for (Normalization value : values()) {
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
