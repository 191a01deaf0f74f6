package org.collapselab.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an experiment config before it is used: unknown keys, missing fields, wrong types and
 * out-of-range values in the JSON tree, then layer shapes against the image size. Each error names
 * the field by its dotted path. Pure; thread-safe.
 */
public final class ConfigValidator {
    public static final int MIN_IMAGE_SIZE = 4;
    public static final int MAX_IMAGE_SIZE = 512;

    /** Field rules per object path; the layer rules are per layer type. */
    private static final Map<String, Map<String, Rule>> OBJECTS = new LinkedHashMap<>();
    private static final Map<LayerType, Map<String, Rule>> LAYERS = new LinkedHashMap<>();

    static {
        OBJECTS.put("", fields(
                "name", Rule.text(),
                "data", Rule.object(),
                "model", Rule.object(),
                "training", Rule.object()));
        OBJECTS.put("data", fields(
                "imageSize", Rule.integer(MIN_IMAGE_SIZE, MAX_IMAGE_SIZE),
                "channels", Rule.oneOfInts(1, 3),
                "validationFraction", Rule.number(0.05, 0.9),
                "validationPath", Rule.optionalText(),
                "seed", Rule.integer(Long.MIN_VALUE, Long.MAX_VALUE),
                "normalization", Rule.choice(Normalization.names()),
                "balance", Rule.choice(Balance.names()),
                "augmentation", Rule.object()));
        OBJECTS.put("data.augmentation", fields(
                "flip", Rule.bool(),
                "rotationDegrees", Rule.number(0, 180),
                "shift", Rule.number(0, 0.5),
                "zoom", Rule.number(0, 0.5)));
        OBJECTS.put("model", fields(
                "layers", Rule.array(0, 64),
                "outputActivation", Rule.choice(OutputActivation.names()),
                "loss", Rule.choice(LossFunction.names()),
                "weightInit", Rule.choice(WeightInit.names())));
        OBJECTS.put("training", fields(
                "optimizer", Rule.choice(Optimizer.names()),
                "learningRate", Rule.number(1e-7, 10).exclusiveMin(0),
                "batchSize", Rule.integer(1, 4096),
                "epochs", Rule.integer(1, 1000),
                "l2", Rule.number(0, 1),
                "earlyStoppingPatience", Rule.integer(0, 1000),
                "device", Rule.choice(Device.names())));
        LAYERS.put(LayerType.CONV, fields(
                "filters", Rule.integer(1, 1024),
                "kernel", Rule.integer(1, 15),
                "stride", Rule.integer(1, 8).optional(),
                "activation", Rule.choice(Activation.names())));
        LAYERS.put(LayerType.POOL, fields("size", Rule.integer(1, 8)));
        LAYERS.put(LayerType.DENSE, fields(
                "units", Rule.integer(1, 65536),
                "activation", Rule.choice(Activation.names())));
        LAYERS.put(LayerType.DROPOUT, fields("rate", Rule.number(0, 0.95)));
        LAYERS.put(LayerType.BATCHNORM, fields());
    }

    private ConfigValidator() {
    }

    /** Whether {@code key} is a legal field of the object at {@code path}'s parent. */
    static boolean isKnownKey(String path, String key) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot);
        Map<String, Rule> rules = OBJECTS.get(parent);
        if (rules != null) {
            return rules.containsKey(key);
        }
        return LAYERS.values().stream().anyMatch(r -> r.containsKey(key)) || "type".equals(key);
    }

    /** Every schema error in the tree, in document order. */
    public static List<ConfigError> validateTree(JsonNode root) {
        List<ConfigError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            errors.add(new ConfigError("config", "must be a JSON object"));
            return errors;
        }
        checkObject("", root, OBJECTS.get(""), errors);
        for (String path : List.of("data", "data.augmentation", "model", "training")) {
            JsonNode node = at(root, path);
            if (node != null && node.isObject()) {
                checkObject(path, node, OBJECTS.get(path), errors);
            }
        }
        JsonNode layers = at(root, "model.layers");
        if (layers != null && layers.isArray()) {
            for (int i = 0; i < layers.size(); i++) {
                checkLayer("model.layers[" + i + "]", layers.get(i), errors);
            }
        }
        return errors;
    }

    /** Errors that need the whole config: spatial sizes that shrink below one pixel, conv after dense. */
    public static List<ConfigError> validateShapes(ExperimentConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        int size = config.data().imageSize();
        boolean flat = false;
        List<LayerSpec> layers = config.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            String path = "model.layers[" + i + "]";
            switch (layer.type()) {
                case CONV, POOL -> {
                    if (flat) {
                        errors.add(new ConfigError(path + ".type", layer.type() + " cannot follow a dense layer"));
                        return errors;
                    }
                    int kernel = layer.type() == LayerType.CONV ? layer.kernel() : layer.size();
                    int stride = layer.type() == LayerType.CONV ? layer.strideOrDefault() : layer.size();
                    int out = (size - kernel) / stride + 1;
                    if (size < kernel || out < 1) {
                        errors.add(new ConfigError(path, "the feature map is " + size + "×" + size + " here, too small for a "
                                + kernel + "×" + kernel + " window; use fewer layers or a larger data.imageSize"));
                        return errors;
                    }
                    size = out;
                }
                case DENSE -> flat = true;
                default -> { }
            }
        }
        return errors;
    }

    private static void checkLayer(String path, JsonNode layer, List<ConfigError> errors) {
        if (!layer.isObject()) {
            errors.add(new ConfigError(path, "must be an object with a \"type\""));
            return;
        }
        JsonNode type = layer.get("type");
        if (type == null || type.isNull()) {
            errors.add(new ConfigError(path + ".type", "missing field; one of " + LayerType.names()));
            return;
        }
        if (!type.isTextual() || !LayerType.names().contains(type.asText())) {
            errors.add(new ConfigError(path + ".type", "must be one of " + LayerType.names() + ", got " + type));
            return;
        }
        LayerType layerType = LayerType.fromJson(type.asText());
        Map<String, Rule> rules = new LinkedHashMap<>(LAYERS.get(layerType));
        rules.put("type", Rule.text());
        checkObject(path, layer, rules, errors, " by a " + layerType + " layer");
    }

    private static void checkObject(String path, JsonNode node, Map<String, Rule> rules, List<ConfigError> errors) {
        checkObject(path, node, rules, errors, "");
    }

    private static void checkObject(String path, JsonNode node, Map<String, Rule> rules, List<ConfigError> errors,
                                    String usedBy) {
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!rules.containsKey(key)) {
                errors.add(new ConfigError(prefix + key, usedBy.isEmpty()
                        ? "unknown field; expected one of " + rules.keySet()
                        : "not used" + usedBy + "; its fields are " + rules.keySet()));
            }
        }
        for (Map.Entry<String, Rule> entry : rules.entrySet()) {
            JsonNode value = node.get(entry.getKey());
            String fieldPath = prefix + entry.getKey();
            if (value == null) {
                if (!entry.getValue().optional) {
                    errors.add(new ConfigError(fieldPath, "missing field"));
                }
                continue;
            }
            String problem = entry.getValue().check(value);
            if (problem != null) {
                errors.add(new ConfigError(fieldPath, problem));
            }
        }
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static Map<String, Rule> fields(Object... pairs) {
        Map<String, Rule> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Rule) pairs[i + 1]);
        }
        return map;
    }

    /** A type-and-range rule for one field. */
    private static final class Rule {
        enum Kind { TEXT, OPTIONAL_TEXT, OBJECT, ARRAY, BOOL, INTEGER, NUMBER, CHOICE, INT_CHOICE }

        private final Kind kind;
        private final double min;
        private final double max;
        private final List<String> choices;
        private final Set<Integer> intChoices;
        private boolean optional;
        private Double exclusiveMin;

        private Rule(Kind kind, double min, double max, List<String> choices, Set<Integer> intChoices) {
            this.kind = kind;
            this.min = min;
            this.max = max;
            this.choices = choices;
            this.intChoices = intChoices;
            this.optional = kind == Kind.OPTIONAL_TEXT;
        }

        static Rule text() { return new Rule(Kind.TEXT, 0, 0, null, null); }
        static Rule optionalText() { return new Rule(Kind.OPTIONAL_TEXT, 0, 0, null, null); }
        static Rule object() { return new Rule(Kind.OBJECT, 0, 0, null, null); }
        static Rule array(int min, int max) { return new Rule(Kind.ARRAY, min, max, null, null); }
        static Rule bool() { return new Rule(Kind.BOOL, 0, 0, null, null); }
        static Rule integer(double min, double max) { return new Rule(Kind.INTEGER, min, max, null, null); }
        static Rule number(double min, double max) { return new Rule(Kind.NUMBER, min, max, null, null); }
        static Rule choice(List<String> names) { return new Rule(Kind.CHOICE, 0, 0, names, null); }
        static Rule oneOfInts(Integer... values) { return new Rule(Kind.INT_CHOICE, 0, 0, null, Set.of(values)); }

        Rule optional() {
            optional = true;
            return this;
        }

        Rule exclusiveMin(double value) {
            exclusiveMin = value;
            return this;
        }

        /** @return null when valid, else the reason. */
        String check(JsonNode v) {
            switch (kind) {
                case TEXT:
                    return v.isTextual() && !v.asText().isBlank() ? null : "must be a non-empty string, got " + describe(v);
                case OPTIONAL_TEXT:
                    return v.isNull() || v.isTextual() ? null : "must be a string or null, got " + describe(v);
                case OBJECT:
                    return v.isObject() ? null : "must be an object, got " + describe(v);
                case ARRAY:
                    if (!v.isArray()) {
                        return "must be a list, got " + describe(v);
                    }
                    return v.size() <= max ? null : "at most " + (int) max + " items, got " + v.size();
                case BOOL:
                    return v.isBoolean() ? null : "must be true or false, got " + describe(v);
                case INTEGER:
                    if (!v.isIntegralNumber()) {
                        return "must be a whole number, got " + describe(v);
                    }
                    return range(v.asDouble(), true);
                case NUMBER:
                    if (!v.isNumber()) {
                        return "must be a number, got " + describe(v);
                    }
                    if (!Double.isFinite(v.asDouble())) {
                        return "must be finite";
                    }
                    return range(v.asDouble(), false);
                case CHOICE:
                    return v.isTextual() && choices.contains(v.asText()) ? null
                            : "must be one of " + choices + ", got " + describe(v);
                case INT_CHOICE:
                    return v.isIntegralNumber() && intChoices.contains(v.asInt()) ? null
                            : "must be one of " + intChoices.stream().sorted().toList() + ", got " + describe(v);
                default:
                    throw new IllegalStateException();
            }
        }

        private String range(double value, boolean integral) {
            if (exclusiveMin != null && value <= exclusiveMin) {
                return "must be greater than " + fmt(exclusiveMin, integral) + ", got " + fmt(value, integral);
            }
            if (value < min || value > max) {
                return "must be between " + fmt(min, integral) + " and " + fmt(max, integral) + ", got " + fmt(value, integral);
            }
            return null;
        }

        private static String fmt(double d, boolean integral) {
            return integral || d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        }

        private static String describe(JsonNode v) {
            String text = v.toString();
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            String type = v.isTextual() ? "text" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                    : v.isNull() ? "null" : v.isArray() ? "list" : "object";
            return type + " " + shown;
        }
    }
}
