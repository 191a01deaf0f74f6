package org.collapselab.core.experiment.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One planned trial: its number (1-based, also its folder {@code trial-NNN}), the halving rung it belongs to, the
 * epochs it trains and the swept values, as {@code path → value} in the order of the sweep's parameters.
 */
public record Trial(int index, int rung, int epochs, Map<String, String> parameters) {
    public Trial {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    public String folderName() {
        return folderName(index);
    }

    public static String folderName(int index) {
        return String.format(java.util.Locale.ROOT, "trial-%03d", index);
    }

    /** The {@code --set} overrides that turn the base config into this trial's config. */
    public List<String> overrides(String sweepName) {
        List<String> sets = new ArrayList<>();
        parameters.forEach((path, value) -> sets.add(path + "=" + value));
        sets.add("training.epochs=" + epochs);
        sets.add("name=" + sweepName + "-" + folderName());
        return sets;
    }
}
