package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Gradient-descent updaters. */
public enum Optimizer {
    ADAM("adam"),
    SGD("sgd"),
    NESTEROVS("nesterovs"),
    RMSPROP("rmsprop");

    private final String json;

    Optimizer(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Optimizer::json).toList();
    }

    public static Optimizer fromJson(String name) {
        for (Optimizer value : values()) {
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
