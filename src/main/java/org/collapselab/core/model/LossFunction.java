package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Loss functions; mcxent and nll are the same multi-class cross-entropy in DL4J. */
public enum LossFunction {
    MCXENT("mcxent"),
    XENT("xent"),
    MSE("mse"),
    NLL("nll");

    private final String json;

    LossFunction(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(LossFunction::json).toList();
    }

    public static LossFunction fromJson(String name) {
        for (LossFunction value : values()) {
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
