package org.collapselab.core.experiment.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The arithmetic of a sweep: which parameter combinations it tries (grid or seeded random) and, with successive
 * halving, how many of them train for how many epochs at each rung. Pure.
 */
public final class SweepPlan {
    private SweepPlan() {
    }

    /** One halving rung: how many configurations train, for how many epochs each. */
    public record Rung(int configurations, int epochs) {
        public int trialEpochs() {
            return configurations * epochs;
        }
    }

    /** The configurations of the spec, in trial order. */
    public static List<Map<String, String>> configurations(SweepSpec spec) {
        return SweepSpec.RANDOM.equals(spec.strategy())
                ? random(spec.parameters(), spec.trials(), spec.seed())
                : grid(spec.parameters());
    }

    /** Every combination, the first parameter changing slowest (so a 2-parameter grid reads row by row). */
    public static List<Map<String, String>> grid(List<SweepParameter> parameters) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (SweepParameter parameter : parameters) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : parameter.gridValues()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(parameter.path(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** {@code trials} independent draws, the same for the same seed. */
    public static List<Map<String, String>> random(List<SweepParameter> parameters, int trials, long seed) {
        Random random = new Random(seed);
        List<Map<String, String>> draws = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, String> draw = new LinkedHashMap<>();
            for (SweepParameter parameter : parameters) {
                draw.put(parameter.path(), parameter.sample(random));
            }
            draws.add(draw);
        }
        return draws;
    }

    /**
     * Successive halving over {@code configurations}: rungs at r, r·eta, r·eta², … epochs, the last one at the full
     * {@code maxEpochs}; each rung keeps the best 1/eta of the previous one (at least one), and once one is left it
     * trains for {@code maxEpochs}. Each rung's trial trains
     * from scratch, as a normal run, so the budget of a rung is its configurations times its epochs.
     */
    public static List<Rung> halving(int configurations, int maxEpochs, int minEpochs, int eta) {
        if (eta < 2) {
            throw new IllegalArgumentException("eta must be at least 2, got " + eta);
        }
        if (minEpochs < 1 || minEpochs > maxEpochs) {
            throw new IllegalArgumentException("the first rung's epochs must be between 1 and " + maxEpochs + ", got " + minEpochs);
        }
        List<Rung> rungs = new ArrayList<>();
        int alive = configurations;
        long epochs = minEpochs;
        while (true) {
            int rungEpochs = (int) Math.min(epochs, maxEpochs);
            rungs.add(new Rung(alive, rungEpochs));
            if (rungEpochs >= maxEpochs) {
                return rungs;
            }
            alive = Math.max(1, alive / eta);
            // A lone survivor cannot be halved again: it goes straight to the full budget.
            epochs = alive == 1 ? maxEpochs : epochs * eta;
        }
    }

    /** The rungs of a spec: halving's, or one rung of every configuration at the full epochs. */
    public static List<Rung> rungs(SweepSpec spec, int configurations) {
        return spec.halving()
                ? halving(configurations, spec.maxEpochs(), spec.minEpochs(), spec.eta())
                : List.of(new Rung(configurations, spec.maxEpochs()));
    }

    public static int trialEpochs(List<Rung> rungs) {
        return rungs.stream().mapToInt(Rung::trialEpochs).sum();
    }

    public static int trialCount(List<Rung> rungs) {
        return rungs.stream().mapToInt(Rung::configurations).sum();
    }
}
