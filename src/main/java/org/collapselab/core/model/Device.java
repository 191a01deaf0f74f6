package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Where training runs; auto uses the GPU when the CUDA backend is present. */
public enum Device {
    AUTO("auto"),
    CPU("cpu"),
    GPU("gpu");

    private final String json;

    Device(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Device::json).toList();
    }

    public static Device fromJson(String name) {
        for (Device value : values()) {
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
