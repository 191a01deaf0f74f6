package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Kinds of hidden layer the model editor offers. */
public enum LayerType {
    CONV("conv"),
    POOL("pool"),
    DENSE("dense"),
    DROPOUT("dropout"),
    BATCHNORM("batchnorm");

    private final String json;

    LayerType(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(LayerType::json).toList();
    }

    public static LayerType fromJson(String name) {
        for (LayerType value : values()) {
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
