package org.collapselab.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One field of the config schema: where it is, what it holds, what it may be, what it starts as,
 * and a one-line help text. The validator checks values with {@link #problem}; the Model screen
 * builds its controls from the same record, so both use one range.
 *
 * @param path dotted path ({@link ConfigPaths}); layer fields read {@code model.layers[].key}
 * @param type what the JSON value is
 * @param min smallest allowed value (numbers), or fewest items (lists)
 * @param max largest allowed value (numbers), or most items (lists)
 * @param greaterThan an exclusive lower bound checked before {@code min}, or null
 * @param choices the allowed names ({@link Type#CHOICE}) or numbers ({@link Type#INT_CHOICE}), else empty
 * @param defaultValue the value of {@link ConfigCodec#defaults()} (or of a newly added layer); null for objects and lists
 * @param optional whether the field may be left out
 * @param help one line for tooltips and {@code --help}
 */
public record ConfigField(String path, Type type, double min, double max, Double greaterThan, List<String> choices,
                          Object defaultValue, boolean optional, String help) {

    /** The kinds of JSON value a field holds. */
    public enum Type { TEXT, OPTIONAL_TEXT, OBJECT, ARRAY, BOOLEAN, INTEGER, NUMBER, CHOICE, INT_CHOICE }

    public ConfigField {
        Objects.requireNonNull(path);
        Objects.requireNonNull(type);
        choices = choices == null ? List.of() : List.copyOf(choices);
        help = help == null ? "" : help;
    }

    /** This field with an exclusive lower bound, checked (and reported) before the range. */
    public ConfigField withGreaterThan(double bound) {
        return new ConfigField(path, type, min, max, bound, choices, defaultValue, optional, help);
    }

    /** This field, which may be left out. */
    public ConfigField asOptional() {
        return new ConfigField(path, type, min, max, greaterThan, choices, defaultValue, true, help);
    }

    /** The last segment of the path, the key inside its object. */
    public String key() {
        return ConfigPaths.key(path);
    }

    public boolean isNumeric() {
        return type == Type.INTEGER || type == Type.NUMBER;
    }

    /** The allowed numbers of an {@link Type#INT_CHOICE} field. */
    public List<Integer> intChoices() {
        return choices.stream().map(Integer::valueOf).toList();
    }

    /** What a valid value looks like, for messages: "a whole number between 1 and 4096". */
    public String expectation() {
        return switch (type) {
            case TEXT -> "a non-empty string";
            case OPTIONAL_TEXT -> "a string or null";
            case OBJECT -> "an object";
            case ARRAY -> "a list of at most " + (long) max + " items";
            case BOOLEAN -> "true or false";
            case INTEGER -> "a whole number between " + format(min, true) + " and " + format(max, true);
            case NUMBER -> "a number between " + format(min, false) + " and " + format(max, false);
            case CHOICE, INT_CHOICE -> "one of " + choices;
        };
    }

    /** @return null when {@code value} is valid here, else the reason (without the path). */
    public String problem(JsonNode value) {
        if (value.isNull() && type != Type.OPTIONAL_TEXT) {
            return "is empty; expected " + expectation();
        }
        switch (type) {
            case TEXT:
                return value.isTextual() && !value.asText().isBlank() ? null : "must be a non-empty string, got " + describe(value);
            case OPTIONAL_TEXT:
                return value.isNull() || value.isTextual() ? null : "must be a string or null, got " + describe(value);
            case OBJECT:
                return value.isObject() ? null : "must be an object, got " + describe(value);
            case ARRAY:
                if (!value.isArray()) {
                    return "must be a list, got " + describe(value);
                }
                return value.size() <= max ? null : "at most " + (int) max + " items, got " + value.size();
            case BOOLEAN:
                return value.isBoolean() ? null : "must be true or false, got " + describe(value);
            case INTEGER:
                if (!value.isIntegralNumber()) {
                    return "must be a whole number, got " + describe(value);
                }
                return range(value.asDouble(), true);
            case NUMBER:
                if (!value.isNumber()) {
                    return "must be a number, got " + describe(value);
                }
                if (!Double.isFinite(value.asDouble())) {
                    return "must be finite";
                }
                return range(value.asDouble(), false);
            case CHOICE:
                return value.isTextual() && choices.contains(value.asText()) ? null
                        : "must be one of " + choices + ", got " + describe(value);
            case INT_CHOICE:
                return value.isIntegralNumber() && choices.contains(String.valueOf(value.asLong())) ? null
                        : "must be one of " + intChoices() + ", got " + describe(value);
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    /** Whether a number lies in the field's range (used by controls before they step). */
    public boolean inRange(double value) {
        return range(value, type == Type.INTEGER) == null;
    }

    private String range(double value, boolean integral) {
        if (greaterThan != null && value <= greaterThan) {
            return "must be greater than " + format(greaterThan, integral) + ", got " + format(value, integral);
        }
        if (value < min || value > max) {
            return "must be between " + format(min, integral) + " and " + format(max, integral) + ", got " + format(value, integral);
        }
        return null;
    }

    static String format(double d, boolean integral) {
        return integral || d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String describe(JsonNode v) {
        String text = v.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        String kind = v.isTextual() ? "text" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                : v.isNull() ? "null" : v.isArray() ? "list" : "object";
        return kind + " " + shown;
    }
}
