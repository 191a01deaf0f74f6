package org.collapselab.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two config trees, in the words an undo menu needs: {@code "data.balance none → class-weights"},
 * {@code "layer 5 added (dense 64 units, relu)"}. Layers are counted from 1, as the Model screen lists them. The trees may
 * be invalid (a field being typed), so nothing here assumes the schema. Pure.
 */
public final class ConfigChanges {
    /** How many changes a one-line summary names before it says "and N more". */
    static final int NAMED_IN_SUMMARY = 2;

    private ConfigChanges() {
    }

    /** Every difference, in document order; empty when the trees are equal. */
    public static List<String> between(JsonNode before, JsonNode after) {
        List<String> changes = new ArrayList<>();
        walk("", before, after, changes);
        return changes;
    }

    /** The first changes and how many more, on one line; empty when nothing changed. */
    public static String summary(JsonNode before, JsonNode after) {
        List<String> changes = between(before, after);
        if (changes.size() <= NAMED_IN_SUMMARY + 1) {
            return String.join(", ", changes);
        }
        return String.join(", ", changes.subList(0, NAMED_IN_SUMMARY)) + " and " + (changes.size() - NAMED_IN_SUMMARY)
                + " more";
    }

    /** A hidden layer as its list row reads: "conv 32 filters 3×3, relu", "dense 64 units, relu", "max pool 2×2". */
    public static String describeLayer(JsonNode layer) {
        String type = layer.path("type").asText("?");
        String activation = layer.path("activation").asText();
        String stride = layer.has("stride") ? " stride " + layer.get("stride").asText() : "";
        return switch (type) {
            case "conv" -> "conv " + layer.path("filters").asText() + " filters " + layer.path("kernel").asText() + "×"
                    + layer.path("kernel").asText() + stride + ", " + activation;
            case "pool" -> "max pool " + layer.path("size").asText() + "×" + layer.path("size").asText();
            case "conv1d" -> "conv1d " + layer.path("filters").asText() + " filters, window " + layer.path("kernel").asText()
                    + stride + ", " + activation;
            case "pool1d" -> "max pool1d " + layer.path("size").asText();
            case "globalpool" -> "global max pool";
            case "dense" -> "dense " + layer.path("units").asText() + " units, " + activation;
            case "dropout" -> "dropout " + layer.path("rate").asText();
            case "batchnorm" -> "batch normalization";
            default -> type;
        };
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<String> changes) {
        if (same(before, after)) {
            return;
        }
        if (ConfigPaths.LAYERS.equals(path) && isArray(before) && isArray(after)) {
            layers(before, after, changes);
        } else if (isObject(before) && isObject(after)) {
            Set<String> keys = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                walk(path.isEmpty() ? key : path + "." + key, before.get(key), after.get(key), changes);
            }
        } else {
            changes.add(path + " " + show(before) + " → " + show(after));
        }
    }

    private static void layers(JsonNode before, JsonNode after, List<String> changes) {
        int common = Math.min(before.size(), after.size());
        int prefix = 0;
        while (prefix < common && same(before.get(prefix), after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < common - prefix
                && same(before.get(before.size() - 1 - suffix), after.get(after.size() - 1 - suffix))) {
            suffix++;
        }
        int removed = before.size() - prefix - suffix;
        int added = after.size() - prefix - suffix;
        if (removed == 0) {
            for (int i = prefix; i < prefix + added; i++) {
                changes.add(ConfigPaths.layerName(i) + " added (" + describeLayer(after.get(i)) + ")");
            }
        } else if (added == 0) {
            for (int i = prefix; i < prefix + removed; i++) {
                changes.add(ConfigPaths.layerName(i) + " removed (" + describeLayer(before.get(i)) + ")");
            }
        } else if (added == removed) {
            for (int i = prefix; i < prefix + added; i++) {
                layer(i, before.get(i), after.get(i), changes);
            }
        } else {
            changes.add("hidden layers " + before.size() + " → " + after.size());
        }
    }

    private static void layer(int index, JsonNode before, JsonNode after, List<String> changes) {
        if (same(before, after)) {
            return;
        }
        String name = ConfigPaths.layerName(index);
        if (!isObject(before) || !isObject(after) || !same(before.get("type"), after.get("type"))) {
            changes.add(name + " " + (isObject(before) ? describeLayer(before) : show(before)) + " → "
                    + (isObject(after) ? describeLayer(after) : show(after)));
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!same(before.get(key), after.get(key))) {
                changes.add(name + " " + key + " " + show(before.get(key)) + " → " + show(after.get(key)));
            }
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull() || a.isMissingNode();
        boolean bEmpty = b == null || b.isNull() || b.isMissingNode();
        if (aEmpty || bEmpty) {
            return aEmpty == bEmpty;
        }
        // 2 and 2.0 are the same setting (a slider writes doubles, a file may hold integers).
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            return keys.stream().allMatch(key -> same(a.get(key), b.get(key)));
        }
        return a.equals(b);
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private static boolean isArray(JsonNode node) {
        return node != null && node.isArray();
    }

    private static String show(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "empty";
        }
        if (value.isTextual()) {
            return value.asText().isEmpty() ? "empty" : value.asText();
        }
        return value.toString();
    }
}
