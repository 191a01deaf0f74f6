package org.collapselab.core.experiment.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A run's config.json as flat {@code dotted.path -> value} pairs ({@code model.layers[0].filters}), the same
 * paths {@code --set} accepts, and which of those paths differ among a set of runs.
 */
public final class ConfigParameters {
    /** The experiment's label, not a setting: it names the run rather than changing how it trains. */
    private static final Set<String> NOT_HYPERPARAMETERS = Set.of("name");

    private ConfigParameters() {
    }

    /** Leaves of the JSON tree in document order; nulls are kept as "null" so that "unset" differs from a value. */
    public static Map<String, String> flatten(JsonNode tree) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tree != null) {
            walk("", tree, out);
        }
        return out;
    }

    private static void walk(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.isNull() ? "null" : text(node));
        }
    }

    /** Decimals without exponent or trailing zeros (3.0E-4 reads 0.0003), so equal values read the same. */
    private static String text(JsonNode node) {
        if (node.isFloatingPointNumber() && Double.isFinite(node.doubleValue())) {
            return new java.math.BigDecimal(node.asText()).stripTrailingZeros().toPlainString();
        }
        return node.asText();
    }

    /**
     * The hyperparameter paths whose value is not the same in every run (absent in some counts as different),
     * in the order they first appear. Runs without a readable config take no part.
     */
    public static List<String> differing(Collection<Map<String, String>> runs) {
        List<Map<String, String>> known = runs.stream().filter(m -> !m.isEmpty()).toList();
        Set<String> paths = new LinkedHashSet<>();
        known.forEach(m -> paths.addAll(m.keySet()));
        List<String> differing = new ArrayList<>();
        for (String path : paths) {
            if (NOT_HYPERPARAMETERS.contains(path) || known.size() < 2) {
                continue;
            }
            String first = known.get(0).get(path);
            for (Map<String, String> run : known) {
                if (!Objects.equals(first, run.get(path))) {
                    differing.add(path);
                    break;
                }
            }
        }
        return differing;
    }
}
