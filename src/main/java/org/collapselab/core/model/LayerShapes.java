package org.collapselab.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What each hidden layer passes on, worked out from the image size alone: the side and channels of
 * the feature map, and the width once a dense layer has flattened it. The validator, the model
 * summary and the SameDiff graph all read their shapes from here. Valid windows only ("no padding").
 * Pure.
 */
public final class LayerShapes {

    /**
     * The tensor between two layers.
     *
     * @param side the feature map's side in pixels (kept, unchanged, after flattening)
     * @param channels the feature map's channels
     * @param flatUnits the width after the last dense layer, or -1 while the tensor is still spatial
     */
    public record Shape(int side, int channels, long flatUnits) {
        public boolean isFlat() {
            return flatUnits >= 0;
        }

        /** Values per image: the flat width, or side × side × channels. */
        public long values() {
            return isFlat() ? flatUnits : spatialValues();
        }

        /** side × side × channels, whether or not a dense layer came before. */
        public long spatialValues() {
            return (long) side * side * channels;
        }
    }

    private LayerShapes() {
    }

    /** The side after a window of {@code window} pixels moved by {@code stride} without padding. */
    public static int windowOutput(int side, int window, int stride) {
        return (side - window) / stride + 1;
    }

    /** The window side of a conv or pool layer, 0 for the others. */
    public static int window(LayerSpec layer) {
        return switch (layer.type()) {
            case CONV -> layer.kernel();
            case POOL -> layer.size();
            default -> 0;
        };
    }

    /** The stride of a conv or pool layer (a pool steps by its size), 0 for the others. */
    public static int stride(LayerSpec layer) {
        return switch (layer.type()) {
            case CONV -> layer.strideOrDefault();
            case POOL -> layer.size();
            default -> 0;
        };
    }

    /** The shape {@code layer} makes of {@code in}. */
    public static Shape after(Shape in, LayerSpec layer) {
        return switch (layer.type()) {
            case CONV -> new Shape(windowOutput(in.side(), window(layer), stride(layer)), layer.filters(), in.flatUnits());
            case POOL -> new Shape(windowOutput(in.side(), window(layer), stride(layer)), in.channels(), in.flatUnits());
            case DENSE -> new Shape(in.side(), in.channels(), layer.units());
            case DROPOUT, BATCHNORM -> in;
        };
    }

    /** The input image and the output of each layer: element 0 is the image, element {@code i + 1} follows layer {@code i}. */
    public static List<Shape> of(int imageSize, int channels, List<LayerSpec> layers) {
        List<Shape> shapes = new ArrayList<>(layers.size() + 1);
        Shape shape = new Shape(imageSize, channels, -1);
        shapes.add(shape);
        for (LayerSpec layer : layers) {
            shape = after(shape, layer);
            shapes.add(shape);
        }
        return List.copyOf(shapes);
    }

    public static List<Shape> of(ExperimentConfig config) {
        return of(config.data().imageSize(), config.data().channels(), config.model().layers());
    }
}
