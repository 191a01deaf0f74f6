package org.collapselab.core.experiment.sweep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** What a sweep ranks its trials by. Balanced accuracy is the default: on imbalanced data, plain accuracy rewards collapse. */
public enum Objective {
    BALANCED_ACCURACY("balanced-accuracy", "balanced accuracy", true),
    MACRO_F1("macro-f1", "macro-F1", true),
    VALIDATION_LOSS("validation-loss", "validation loss", false);

    private final String json;
    private final String label;
    private final boolean higherIsBetter;

    Objective(String json, String label, boolean higherIsBetter) {
        this.json = json;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    @JsonCreator
    public static Objective fromJson(String name) {
        for (Objective value : values()) {
            if (value.json.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + name + "', expected one of " + names());
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Objective::json).toList();
    }

    /** The objective's value of a finished trial; NaN when the trial has none (failed, or no epoch ran). */
    public double of(TrialResult result) {
        return switch (this) {
            case BALANCED_ACCURACY -> result.balancedAccuracy();
            case MACRO_F1 -> result.macroF1();
            case VALIDATION_LOSS -> result.validationLoss();
        };
    }

    /**
     * Best first: completed trials by the objective, then trials that diverged or failed; ties (and equal failures)
     * in trial order, so a ranking read back from trials.csv is the same as the one made live.
     */
    public Comparator<TrialResult> ranking() {
        Comparator<TrialResult> byUsable = Comparator.comparing(r -> !usable(r));
        Comparator<TrialResult> byValue = Comparator.comparingDouble(r -> {
            double v = of(r);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : higherIsBetter ? -v : v;
        });
        return byUsable.thenComparing(byValue).thenComparingInt(TrialResult::trial);
    }

    /** A trial whose objective can be compared: it completed and has a value. */
    public boolean usable(TrialResult result) {
        return result.status().equals(TrialResult.COMPLETED) && !Double.isNaN(of(result));
    }

    @Override
    public String toString() {
        return json;
    }
}
