package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Activation of the output layer. */
public enum OutputActivation {
    SOFTMAX("softmax"),
    SIGMOID("sigmoid"),
    IDENTITY("identity");

    private final String json;

    OutputActivation(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(OutputActivation::json).toList();
    }

    public static OutputActivation fromJson(String name) {
        for (OutputActivation value : values()) {
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
