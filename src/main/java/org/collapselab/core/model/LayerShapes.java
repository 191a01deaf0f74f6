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
            case CONV, CONV1D -> layer.kernel();
            case POOL, POOL1D -> layer.size();
            default -> 0;
        };
    }

    /** The stride of a conv or pool layer (a pool steps by its size), 0 for the others. */
    public static int stride(LayerSpec layer) {
        return switch (layer.type()) {
            case CONV, CONV1D -> layer.strideOrDefault();
            case POOL, POOL1D -> layer.size();
            default -> 0;
        };
    }

    /** The shape {@code layer} makes of {@code in}. */
    public static Shape after(Shape in, LayerSpec layer) {
        return switch (layer.type()) {
            case CONV, CONV1D -> new Shape(windowOutput(in.side(), window(layer), stride(layer)), layer.filters(), in.flatUnits());
            case POOL, POOL1D -> new Shape(windowOutput(in.side(), window(layer), stride(layer)), in.channels(), in.flatUnits());
            case DENSE -> new Shape(in.side(), in.channels(), layer.units());
            case GLOBALPOOL -> new Shape(1, in.channels(), in.channels());
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

    /**
     * The shapes through a sequence network: {@link Shape#side()} is then the number of time steps (and
     * {@link Shape#spatialValues()} does not apply). Element 0 is the input series.
     */
    public static List<Shape> ofSequence(int length, int channels, List<LayerSpec> layers) {
        return of(length, channels, layers);
    }

    /** The first layer index whose output has no time step left, or -1 when every layer fits a series of {@code length}. */
    public static int firstTooShort(int length, int channels, List<LayerSpec> layers) {
        List<Shape> shapes = ofSequence(length, channels, layers);
        for (int i = 0; i < layers.size(); i++) {
            LayerType type = layers.get(i).type();
            if ((type == LayerType.CONV1D || type == LayerType.POOL1D) && !shapes.get(i).isFlat()
                    && (shapes.get(i).side() < window(layers.get(i)) || shapes.get(i + 1).side() < 1)) {
                return i;
            }
        }
        return -1;
    }

    /** The image shapes; for CSV data the input size is known only once the file is read (see {@link #ofSequence}). */
    public static List<Shape> of(ExperimentConfig config) {
        return of(config.data().imageSize(), config.data().channels(), config.model().layers());
    }
}
