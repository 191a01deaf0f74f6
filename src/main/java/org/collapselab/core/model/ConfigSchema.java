package org.collapselab.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every field an experiment config may hold, with its type, range or choices, default and help
 * text. {@link ConfigValidator} checks configs against it; the Model screen builds its controls
 * from it. Layer fields depend on the layer type and are listed per type. Immutable.
 */
public final class ConfigSchema {
    public static final int MIN_IMAGE_SIZE = 4;
    public static final int MAX_IMAGE_SIZE = 512;
    /** Path prefix of layer fields in {@link ConfigField#path()}; the index is left out. */
    public static final String LAYER_PREFIX = ConfigPaths.LAYERS + "[].";

    private static final Map<String, ConfigField> FIELDS = new LinkedHashMap<>();
    private static final Map<LayerType, Map<String, ConfigField>> LAYER_FIELDS = new LinkedHashMap<>();
    private static final List<String> OBJECTS = List.of("", ConfigPaths.DATA, ConfigPaths.AUGMENTATION,
            ConfigPaths.MODEL, ConfigPaths.TRAINING);

    static {
        add(text(ConfigPaths.NAME, "default", "A label for the run; the run folder is named after it."));
        add(object(ConfigPaths.DATA, "How the data becomes tensors."));
        add(object(ConfigPaths.MODEL, "The network: hidden layers, output layer, loss and initial weights."));
        add(object(ConfigPaths.TRAINING, "How the weights are optimised."));

        add(choice(ConfigPaths.KIND, DataKind.names(), DataKind.IMAGES.json(),
                "images reads a folder of class folders; tabular and sequence read a CSV file, one row per example.")
                .asOptional());
        add(new ConfigField(ConfigPaths.LABEL_COLUMN, ConfigField.Type.OPTIONAL_TEXT, 0, 0, null, null, null, true,
                "The CSV column that holds the class; when empty, a column named label, class or target, else the last."));
        add(choice(ConfigPaths.MISSING, MissingValues.names(), MissingValues.DROP.json(),
                "Empty CSV cells: drop the row, or fill the cell with its column's mean over the training rows.")
                .asOptional());
        add(integer(ConfigPaths.SEQUENCE_CHANNELS, 1, 64, 1,
                "For sequence CSVs: how many interleaved channels each row holds (t0c0, t0c1, t1c0, ...).").asOptional());
        add(integer(ConfigPaths.IMAGE_SIZE, MIN_IMAGE_SIZE, MAX_IMAGE_SIZE, 64,
                "Images are resized to this many pixels square before training."));
        add(intChoice(ConfigPaths.CHANNELS, List.of(1, 3), 3, "1 reads images as grey, 3 as RGB."));
        add(number(ConfigPaths.VALIDATION_FRACTION, 0.05, 0.9, 0.2,
                "Share of each class held out to measure the network, when no validation folder is given."));
        add(integer(ConfigPaths.FOLDS, 1, 20, 1,
                "Cross-validation for small datasets: 1 trains once on the split above; k (2–20) trains k times, each "
                + "time validating on a different fifth (k-th) of every class, and reports the mean and spread (not with a validation folder).")
                .asOptional());
        add(new ConfigField(ConfigPaths.VALIDATION_PATH, ConfigField.Type.OPTIONAL_TEXT, 0, 0, null, null, null, true,
                "A folder of validation images; when empty, the training folder is split instead."));
        add(integer(ConfigPaths.SEED, Long.MIN_VALUE, Long.MAX_VALUE, 42,
                "Fixes the split, the shuffling and the initial weights, so a run can be repeated."));
        add(choice(ConfigPaths.NORMALIZATION, Normalization.names(), Normalization.SCALE.json(),
                "scale maps pixels to 0–1, standardize to mean 0 and deviation 1, none feeds raw 0–255 values."));
        add(choice(ConfigPaths.BALANCE, Balance.names(), Balance.NONE.json(),
                "How rare classes are handled: weight the loss, repeat rare images, or drop common ones."));
        add(new ConfigField(ConfigPaths.DROP_DUPLICATES, ConfigField.Type.BOOLEAN, 0, 0, null, null, false, false,
                "Leave out copies of an image: training keeps one of each, validation loses images also in training, "
                        + "and copies with different labels are left out.").asOptional());
        add(object(ConfigPaths.AUGMENTATION, "Random changes applied to training images only."));
        add(new ConfigField(ConfigPaths.FLIP, ConfigField.Type.BOOLEAN, 0, 0, null, null, false, false,
                "Mirror training images left to right at random."));
        add(number(ConfigPaths.ROTATION_DEGREES, 0, 180, 0.0, "Rotate training images by up to this many degrees either way."));
        add(number(ConfigPaths.SHIFT, 0, 0.5, 0.0, "Move training images by up to this fraction of their size."));
        add(number(ConfigPaths.ZOOM, 0, 0.5, 0.0, "Zoom training images in or out by up to this fraction."));

        add(new ConfigField(ConfigPaths.LAYERS, ConfigField.Type.ARRAY, 0, 64, null, null, null, false,
                "Hidden layers in order; the output layer, one unit per class, follows them."));
        add(choice(ConfigPaths.OUTPUT_ACTIVATION, OutputActivation.names(), OutputActivation.SOFTMAX.json(),
                "Turns the last layer's values into class scores; softmax gives one probability per class."));
        add(choice(ConfigPaths.LOSS, LossFunction.names(), LossFunction.MCXENT.json(),
                "What training minimises; mcxent (cross-entropy) goes with a softmax output."));
        add(choice(ConfigPaths.WEIGHT_INIT, WeightInit.names(), WeightInit.RELU.json(),
                "How the weights start: relu (He) suits ReLU layers, xavier suits tanh and sigmoid."));

        add(choice(ConfigPaths.OPTIMIZER, Optimizer.names(), Optimizer.ADAM.json(),
                "The update rule; adam adapts its steps per weight, sgd needs a well-chosen learning rate."));
        add(number(ConfigPaths.LEARNING_RATE, 1e-7, 10, 0.001,
                "Size of each weight update; too high and the loss jumps, too low and nothing is learned.")
                .withGreaterThan(0));
        add(integer(ConfigPaths.BATCH_SIZE, 1, 4096, 32, "Images per weight update."));
        add(integer(ConfigPaths.EPOCHS, 1, 1000, 10, "Passes over the training images."));
        add(number(ConfigPaths.L2, 0, 1, 0.0, "Weight decay: a penalty on large weights; 0 is off."));
        add(integer(ConfigPaths.EARLY_STOPPING_PATIENCE, 0, 1000, 0,
                "Stop after this many epochs without a better validation loss; 0 is off."));
        add(choice(ConfigPaths.DEVICE, Device.names(), Device.AUTO.json(),
                "Where to train: auto uses the GPU when this build has one."));

        layer(LayerType.CONV,
                integer(LAYER_PREFIX + "filters", 1, 1024, 16, "Feature maps this convolution produces."),
                integer(LAYER_PREFIX + "kernel", 1, 15, 3, "Side of the square window, in pixels."),
                integer(LAYER_PREFIX + "stride", 1, 8, 1, "Step between windows, in pixels; 1 when left out.").asOptional(),
                choice(LAYER_PREFIX + "activation", Activation.names(), Activation.RELU.json(),
                        "The non-linearity after the convolution."));
        layer(LayerType.POOL, integer(LAYER_PREFIX + "size", 1, 8, 2, "Side of the max-pool window, which is also its step."));
        layer(LayerType.DENSE,
                integer(LAYER_PREFIX + "units", 1, 65536, 64, "Units of this fully connected layer."),
                choice(LAYER_PREFIX + "activation", Activation.names(), Activation.RELU.json(),
                        "The non-linearity after the layer."));
        layer(LayerType.DROPOUT, number(LAYER_PREFIX + "rate", 0, 0.95, 0.5,
                "Probability that each unit is dropped in a training step."));
        layer(LayerType.BATCHNORM);
        layer(LayerType.CONV1D,
                integer(LAYER_PREFIX + "filters", 1, 1024, 32, "Feature maps this convolution produces."),
                integer(LAYER_PREFIX + "kernel", 1, 64, 5, "Length of the window, in time steps."),
                integer(LAYER_PREFIX + "stride", 1, 8, 1, "Step between windows, in time steps; 1 when left out.").asOptional(),
                choice(LAYER_PREFIX + "activation", Activation.names(), Activation.RELU.json(),
                        "The non-linearity after the convolution."));
        layer(LayerType.POOL1D, integer(LAYER_PREFIX + "size", 1, 16, 2,
                "Length of the max-pool window, in time steps, which is also its step."));
        layer(LayerType.GLOBALPOOL);
    }

    private ConfigSchema() {
    }

    /** Every non-layer field, in document order (objects before their fields). */
    public static List<ConfigField> fields() {
        return List.copyOf(FIELDS.values());
    }

    /** The field at a dotted path such as {@link ConfigPaths#LEARNING_RATE}; throws for an unknown path. */
    public static ConfigField field(String path) {
        ConfigField field = FIELDS.get(path);
        if (field == null) {
            throw new IllegalArgumentException("no config field " + path);
        }
        return field;
    }

    public static Optional<ConfigField> find(String path) {
        return Optional.ofNullable(FIELDS.get(path));
    }

    /** The paths of the config's objects: {@code ""} (the root), data, data.augmentation, model, training. */
    public static List<String> objectPaths() {
        return OBJECTS;
    }

    /** The fields directly inside the object at {@code objectPath}, keyed by their key, in document order. */
    public static Map<String, ConfigField> objectFields(String objectPath) {
        Map<String, ConfigField> inside = new LinkedHashMap<>();
        for (ConfigField field : FIELDS.values()) {
            if (ConfigPaths.parent(field.path()).equals(objectPath)) {
                inside.put(field.key(), field);
            }
        }
        return Collections.unmodifiableMap(inside);
    }

    /** The fields of a layer of {@code type}, keyed by their key, without {@code type} itself. */
    public static Map<String, ConfigField> layerFields(LayerType type) {
        return LAYER_FIELDS.get(type);
    }

    /** One field of a layer type; throws when the type has no such field. */
    public static ConfigField layerField(LayerType type, String key) {
        ConfigField field = LAYER_FIELDS.get(type).get(key);
        if (field == null) {
            throw new IllegalArgumentException(type + " layers have no field " + key);
        }
        return field;
    }

    /** The layer's {@code type} field. */
    public static ConfigField layerTypeField() {
        return new ConfigField(LAYER_PREFIX + "type", ConfigField.Type.CHOICE, 0, 0, null, LayerType.names(), null, false,
                "The kind of layer.");
    }

    private static void add(ConfigField field) {
        FIELDS.put(field.path(), field);
    }

    private static void layer(LayerType type, ConfigField... fields) {
        Map<String, ConfigField> map = new LinkedHashMap<>();
        for (ConfigField field : fields) {
            map.put(field.key(), field);
        }
        LAYER_FIELDS.put(type, Collections.unmodifiableMap(map));
    }

    private static ConfigField text(String path, String defaultValue, String help) {
        return new ConfigField(path, ConfigField.Type.TEXT, 0, 0, null, null, defaultValue, false, help);
    }

    private static ConfigField object(String path, String help) {
        return new ConfigField(path, ConfigField.Type.OBJECT, 0, 0, null, null, null, false, help);
    }

    private static ConfigField integer(String path, long min, long max, long defaultValue, String help) {
        return new ConfigField(path, ConfigField.Type.INTEGER, min, max, null, null, defaultValue, false, help);
    }

    private static ConfigField number(String path, double min, double max, double defaultValue, String help) {
        return new ConfigField(path, ConfigField.Type.NUMBER, min, max, null, null, defaultValue, false, help);
    }

    private static ConfigField choice(String path, List<String> names, String defaultValue, String help) {
        return new ConfigField(path, ConfigField.Type.CHOICE, 0, 0, null, names, defaultValue, false, help);
    }

    private static ConfigField intChoice(String path, List<Integer> values, int defaultValue, String help) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(String.valueOf(v)));
        return new ConfigField(path, ConfigField.Type.INT_CHOICE, 0, 0, null, names, (long) defaultValue, false, help);
    }
}
