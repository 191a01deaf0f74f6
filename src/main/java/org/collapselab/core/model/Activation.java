package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Hidden-layer activation functions. */
public enum Activation {
    RELU("relu"),
    LEAKYRELU("leakyrelu"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    IDENTITY("identity"),
    ELU("elu"),
    SELU("selu");

    private final String json;

    Activation(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Activation::json).toList();
    }

    public static Activation fromJson(String name) {
        for (Activation value : values()) {
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
