package org.collapselab.core.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigError;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;

/**
 * Reads {@code --param PATH=SPEC}: a list ({@code training.learningRate=1e-4,1e-3,1e-2}), a range
 * ({@code log:1e-5..1e-1:5}, {@code lin:16..128:4}) or a choice of strings ({@code data.balance=none,class-weights}).
 * Every value is applied to the base config through {@link ConfigCodec#withOverrides}, the mechanism behind
 * {@code --set}, so a bad path or value is refused before any trial runs, with the parameter and the reason.
 */
public final class SweepSpecParser {
    private static final Pattern RANGE = Pattern.compile("(log|lin):(.+?)\\.\\.(.+):(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private SweepSpecParser() {
    }

    /** Parses and validates each {@code PATH=SPEC}; throws naming the first bad parameter and why. */
    public static List<SweepParameter> parse(ExperimentConfig base, List<String> specs) throws ConfigException {
        List<SweepParameter> parameters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String text : specs) {
            SweepParameter parameter = parse(base, text);
            if (!seen.add(parameter.path())) {
                throw new ConfigException(parameter.path(), "--param " + text + ": this parameter is swept twice");
            }
            parameters.add(parameter);
        }
        return parameters;
    }

    public static SweepParameter parse(ExperimentConfig base, String text) throws ConfigException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(text, "--param " + text + ": expected PATH=SPEC, e.g. training.learningRate=1e-4,1e-3");
        }
        String path = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        if (spec.isEmpty()) {
            throw new ConfigException(path, "--param " + text + ": no values given");
        }
        Matcher range = RANGE.matcher(spec);
        SweepParameter parameter;
        if (spec.startsWith("log:") || spec.startsWith("lin:")) {
            if (!range.matches()) {
                throw new ConfigException(path, "--param " + text + ": a range is log:LOW..HIGH:N or lin:LOW..HIGH:N");
            }
            parameter = range(base, path, spec, text, range);
        } else {
            List<String> values = splitTopLevel(spec);
            if (values.stream().anyMatch(String::isEmpty)) {
                throw new ConfigException(path, "--param " + text + ": an empty value in the list");
            }
            if (new HashSet<>(values).size() != values.size()) {
                throw new ConfigException(path, "--param " + text + ": a value is listed twice");
            }
            boolean numbers = values.stream().allMatch(v -> NUMBER.matcher(v).matches());
            double low = numbers ? values.stream().mapToDouble(Double::parseDouble).min().orElse(0) : 0;
            double high = numbers ? values.stream().mapToDouble(Double::parseDouble).max().orElse(0) : 0;
            parameter = new SweepParameter(path, numbers ? SweepParameter.Kind.LIST : SweepParameter.Kind.CHOICE, values,
                    low, high, values.size(), numbers && isIntegerField(base, path), spec);
        }
        for (String value : parameter.values()) {
            validate(base, path, value, text);
        }
        return parameter;
    }

    private static SweepParameter range(ExperimentConfig base, String path, String spec, String text, Matcher range)
            throws ConfigException {
        SweepParameter.Kind kind = range.group(1).equals("log") ? SweepParameter.Kind.LOG : SweepParameter.Kind.LINEAR;
        double low;
        double high;
        int count;
        try {
            low = Double.parseDouble(range.group(2));
            high = Double.parseDouble(range.group(3));
            count = Integer.parseInt(range.group(4));
        } catch (NumberFormatException e) {
            throw new ConfigException(path, "--param " + text + ": the range ends must be numbers");
        }
        if (!(low < high)) {
            throw new ConfigException(path, "--param " + text + ": the range must go from low to high, got "
                    + range.group(2) + ".." + range.group(3));
        }
        if (kind == SweepParameter.Kind.LOG && low <= 0) {
            throw new ConfigException(path, "--param " + text + ": a log range needs a positive low end");
        }
        if (count < 2 || count > 1000) {
            throw new ConfigException(path, "--param " + text + ": the number of points must be between 2 and 1000, got " + count);
        }
        // Validate the ends first: an out-of-range end names the real limit, not a grid point inside it.
        validate(base, path, range.group(2), text);
        validate(base, path, range.group(3), text);
        boolean integer = isIntegerField(base, path);
        return new SweepParameter(path, kind, SweepParameter.rangeValues(kind, low, high, count, integer), low, high, count,
                integer, spec);
    }

    /** Applies {@code path=value} to the base config, as {@code --set} would; rethrows naming the parameter. */
    static void validate(ExperimentConfig base, String path, String value, String text) throws ConfigException {
        try {
            ConfigCodec.withOverrides(base, List.of(path + "=" + value));
        } catch (ConfigException e) {
            List<ConfigError> errors = new ArrayList<>();
            for (ConfigError error : e.errors()) {
                errors.add(new ConfigError(path, "--param " + text + ": value " + value + " is refused ("
                        + error + ")"));
            }
            throw new ConfigException(errors);
        }
    }

    /** True when the base config holds a whole number at {@code path} (ranges then round). */
    static boolean isIntegerField(ExperimentConfig base, String path) {
        JsonNode node = ConfigCodec.toTree(base);
        for (String part : path.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
            node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node.isIntegralNumber();
    }

    /** Splits on commas outside brackets and quotes, so JSON values such as layer lists can be swept too. */
    static List<String> splitTopLevel(String spec) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : spec.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString().trim());
        return parts;
    }
}
