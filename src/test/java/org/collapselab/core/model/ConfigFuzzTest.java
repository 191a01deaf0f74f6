package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid configs (images, tabular and sequence) at random (drop, retype, extreme values, unknown keys, truncated text) and
 * checks that loading either succeeds or fails with a {@link ConfigException} that names a field —
 * never any other exception.
 */
class ConfigFuzzTest {
    static final int CASES = 5000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonNode[] ODD_VALUES = {F.nullNode(), F.textNode(""), F.textNode("relu"), F.numberNode(-1),
            F.numberNode(0), F.numberNode(1e308), F.numberNode(Long.MAX_VALUE), F.numberNode(0.5), F.booleanNode(true),
            F.arrayNode(), F.objectNode(), F.numberNode(Double.NaN), F.textNode("1e-3"), F.numberNode(3)};

    @Test
    void mutatedConfigsAreAcceptedOrRejectedWithAFieldButNeverCrash() {
        Random random = new Random(7);
        int rejected = 0;
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            // Every kind of data, so the CSV fields and the sequence layers are mutated too.
            ObjectNode tree = ConfigCodec.toTree(ConfigCodec.defaults(DataKind.values()[i % DataKind.values().length]));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(tree, random);
            }
            String text = tree.toString();
            if (random.nextInt(10) == 0) {
                text = text.substring(0, random.nextInt(text.length()));
            }
            try {
                ConfigCodec.parse(text);
                accepted++;
            } catch (ConfigException e) {
                rejected++;
                assertFalse(e.errors().isEmpty());
                assertFalse(e.errors().get(0).path().isBlank(), "no field named for " + text);
            } catch (RuntimeException e) {
                fail("uncaught " + e + " for " + text, e);
            }
        }
        System.out.printf("config fuzz: %d cases, %d accepted, %d rejected with a field, 0 uncaught exceptions%n",
                CASES, accepted, rejected);
    }

    private static void mutate(ObjectNode root, Random random) {
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots);
        Object[] slot = slots.get(random.nextInt(slots.size()));
        JsonNode parent = (JsonNode) slot[0];
        Object key = slot[1];
        JsonNode value = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> ODD_VALUES[random.nextInt(ODD_VALUES.length)];
            case 2 -> F.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(12) - 4));
            default -> F.textNode("zz" + random.nextInt(5));
        };
        if (parent instanceof ObjectNode object) {
            String name = (String) key;
            if (random.nextInt(8) == 0) {
                object.set("unknown" + random.nextInt(3), value == null ? F.nullNode() : value);
            } else if (value == null) {
                object.remove(name);
            } else {
                object.set(name, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = (Integer) key;
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                slots.add(new Object[]{object, e.getKey()});
                collect(e.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Object[]{array, i});
                collect(array.get(i), slots);
            }
        }
    }
}
