package org.collapselab.core.model;

/**
 * The dotted paths of the config fields, as used by {@code --set}, fixes, errors and the Model screen.
 * One constant per field, so a renamed field is a compile error instead of a fix that silently misses.
 */
public final class ConfigPaths {
    public static final String NAME = "name";

    public static final String DATA = "data";
    public static final String KIND = "data.kind";
    public static final String LABEL_COLUMN = "data.labelColumn";
    public static final String MISSING = "data.missing";
    public static final String SEQUENCE_CHANNELS = "data.sequenceChannels";
    public static final String FOLDS = "data.folds";
    public static final String IMAGE_SIZE = "data.imageSize";
    public static final String CHANNELS = "data.channels";
    public static final String VALIDATION_FRACTION = "data.validationFraction";
    public static final String VALIDATION_PATH = "data.validationPath";
    public static final String SEED = "data.seed";
    public static final String NORMALIZATION = "data.normalization";
    public static final String BALANCE = "data.balance";
    public static final String DROP_DUPLICATES = "data.dropDuplicates";
    public static final String AUGMENTATION = "data.augmentation";
    public static final String FLIP = "data.augmentation.flip";
    public static final String ROTATION_DEGREES = "data.augmentation.rotationDegrees";
    public static final String SHIFT = "data.augmentation.shift";
    public static final String ZOOM = "data.augmentation.zoom";

    public static final String MODEL = "model";
    public static final String LAYERS = "model.layers";
    public static final String OUTPUT_ACTIVATION = "model.outputActivation";
    public static final String LOSS = "model.loss";
    public static final String WEIGHT_INIT = "model.weightInit";

    public static final String TRAINING = "training";
    public static final String OPTIMIZER = "training.optimizer";
    public static final String LEARNING_RATE = "training.learningRate";
    public static final String BATCH_SIZE = "training.batchSize";
    public static final String EPOCHS = "training.epochs";
    public static final String L2 = "training.l2";
    public static final String EARLY_STOPPING_PATIENCE = "training.earlyStoppingPatience";
    public static final String DEVICE = "training.device";

    private static final java.util.regex.Pattern LAYER_PATH = java.util.regex.Pattern.compile("model\\.layers\\[(\\d+)]");

    private ConfigPaths() {
    }

    /** {@code model.layers[index]}, 0-based as in the config file. */
    public static String layer(int index) {
        return LAYERS + "[" + index + "]";
    }

    /** {@code model.layers[index].field}, e.g. {@code layer(2, "activation")}. */
    public static String layer(int index, String field) {
        return layer(index) + "." + field;
    }

    /**
     * A layer as users count it: {@code "layer 5"} for index 4. The Model screen lists layers from 1, and every
     * text a user reads (errors, findings, charts) counts the same way; only JSON paths keep the array's 0-based index.
     */
    public static String layerName(int index) {
        return "layer " + (index + 1);
    }

    /** The 0-based layer index in a path such as {@code model.layers[4].units}, or -1 for a path outside the layers. */
    public static int layerIndex(String path) {
        java.util.regex.Matcher m = LAYER_PATH.matcher(path);
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * A path as a user reads it, 1-based for layers and still naming the JSON path a config file or {@code --set}
     * needs: {@code model.layers[4].units} → {@code "layer 5, units (model.layers[4].units)"}; other paths unchanged.
     */
    public static String forUser(String path) {
        java.util.regex.Matcher m = LAYER_PATH.matcher(path);
        if (!m.lookingAt()) {
            return path;
        }
        String rest = path.substring(m.end());
        String field = rest.startsWith(".") ? ", " + rest.substring(1) : rest;
        return layerName(Integer.parseInt(m.group(1))) + field + " (" + path + ")";
    }

    /**
     * A {@code --set} assignment as printed for users: {@code model.layers[0].activation=leakyrelu (layer 1)}; the
     * JSON path can be pasted into {@code --set}, the note counts layers as the Model screen does.
     */
    public static String assignmentForUser(String path, Object value) {
        int layer = layerIndex(path);
        return path + "=" + value + (layer < 0 ? "" : " (" + layerName(layer) + ")");
    }

    /** The object that holds {@code path}: {@code "training"} for {@code training.epochs}, {@code ""} for {@code name}. */
    public static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** The last segment of {@code path}: {@code epochs} for {@code training.epochs}. */
    public static String key(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
