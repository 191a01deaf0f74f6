package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Weight initialisation schemes. */
public enum WeightInit {
    XAVIER("xavier"),
    RELU("relu"),
    ZERO("zero"),
    CONSTANT("constant"),
    UNIFORM("uniform"),
    NORMAL("normal"),
    LECUN("lecun");

    /** Every weight of the "constant" scheme: all units start equal, so they stay symmetric. */
    public static final double CONSTANT_VALUE = 0.05;

    private final String json;

    WeightInit(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(WeightInit::json).toList();
    }

    public static WeightInit fromJson(String name) {
        for (WeightInit value : values()) {
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
