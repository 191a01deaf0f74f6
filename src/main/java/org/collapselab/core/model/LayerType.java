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
    BATCHNORM("batchnorm"),
    /** A convolution along the time axis of a sequence. */
    CONV1D("conv1d"),
    /** A max-pool along the time axis of a sequence. */
    POOL1D("pool1d"),
    /** The maximum of each channel over the whole sequence; turns a series into a flat vector. */
    GLOBALPOOL("globalpool");

    private final String json;

    LayerType(String json) {
        this.json = json;
    }

    /** The name used in config files and on the command line. */
    @JsonValue
    public String json() {
        return json;
    }

    /** Whether this layer works along the time axis of a sequence (and so needs sequence data). */
    public boolean isSequenceLayer() {
        return this == CONV1D || this == POOL1D || this == GLOBALPOOL;
    }

    /** Whether this layer works on the two spatial axes of an image (and so needs image data). */
    public boolean isImageLayer() {
        return this == CONV || this == POOL;
    }

    /**
     * The hidden layer types the Model screen offers for {@code kind}: image layers for images; convolutions and
     * pooling along time, then dense layers after globalpool, for sequences; dense layers for tabular rows.
     */
    public static List<LayerType> forKind(DataKind kind) {
        return switch (kind) {
            case IMAGES -> List.of(CONV, POOL, DENSE, DROPOUT, BATCHNORM);
            case SEQUENCE -> List.of(CONV1D, POOL1D, GLOBALPOOL, DENSE, DROPOUT);
            case TABULAR -> List.of(DENSE, DROPOUT);
        };
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
