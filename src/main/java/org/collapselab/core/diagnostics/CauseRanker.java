package org.collapselab.core.diagnostics;

import org.collapselab.core.training.BudgetExhaustedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.checks.SharedExperiments;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Ranks findings as causes: every distinct fix is tried in a short trial run
 * (few epochs, capped images) next to a baseline trial of the unchanged config, and findings are
 * ordered by the gain in balanced accuracy. Findings whose fix gains less than {@link #MEANINGFUL_GAIN},
 * or that have no config fix, follow by severity; symptoms (collapse, NaN, ...) come after causes.
 * Blocking; honours the budget and the cancellation token (untried fixes simply stay untried).
 */
public final class CauseRanker {
    /** A fix must gain this much balanced accuracy in its trial to count as confirmed. */
    public static final double MEANINGFUL_GAIN = 0.05;
    /** Gains closer than this are treated as equal. */
    public static final double TIE = 0.02;
    /** Findings that describe the failure rather than a cause (as their checks declare); they rank after causes. */
    public static final Set<String> SYMPTOMS = DiagnosticCatalog.symptomIds();

    private CauseRanker() {
    }

    /**
     * Runs the trials and returns the findings ranked (rank 1 = most likely cause) with {@code fix.trial}
     * filled where a trial ran.
     *
     * @param phases the phase that reported each finding id (for ties), may be empty
     */
    public static List<Finding> rank(List<Finding> findings, Map<String, Phase> phases, DiagnosticContext ctx,
                                     ProgressObserver progress, CancellationToken cancel) {
        List<Finding> merged = mergeById(findings);
        Map<Map<String, Object>, Double> gains = new HashMap<>();
        Map<Map<String, Object>, FixTrial> trials = new HashMap<>();
        if (ctx.trials() != null) {
            List<Map<String, Object>> sets = new ArrayList<>();
            for (Finding f : merged) {
                if (f.fix() != null && !f.fix().set().isEmpty() && !sets.contains(f.fix().set())) {
                    sets.add(f.fix().set());
                }
            }
            double chance = ctx.chance();
            try {
                if (!sets.isEmpty()) {
                    progress.progress(0, sets.size() + 1, "baseline trial");
                    double before = SharedExperiments.balancedAccuracy(SharedExperiments.userBaseline(ctx, cancel), chance);
                    for (int i = 0; i < sets.size() && !cancel.isCancelled(); i++) {
                        Map<String, Object> set = sets.get(i);
                        progress.progress(i + 1, sets.size() + 1, "trial: " + set);
                        ctx.trials().budget().require("trial " + set);
                        double after = trial(ctx, set, cancel);
                        trials.put(set, new FixTrial(before, after));
                        gains.put(set, after - before);
                    }
                }
            } catch (BudgetExhaustedException e) {
                progress.progress(-1, -1, e.getMessage());
            }
        }
        List<Finding> withTrials = new ArrayList<>();
        for (Finding f : merged) {
            FixTrial t = f.fix() == null ? null : trials.get(f.fix().set());
            withTrials.add(t == null ? f : f.withFix(f.fix().withTrial(t)));
        }
        List<Finding> ordered = order(withTrials, phases);
        List<Finding> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ranked.add(ordered.get(i).withRank(i + 1));
        }
        return ranked;
    }

    /** Balanced accuracy of a short trial of the config with {@code set} applied. */
    static double trial(DiagnosticContext ctx, Map<String, Object> set, CancellationToken cancel) {
        ExperimentConfig fixed;
        try {
            fixed = apply(ctx.config(), set);
        } catch (ConfigException e) {
            return Double.NaN;
        }
        ExperimentConfig trial = ctx.trialConfig(fixed);
        if (set.containsKey(ConfigPaths.EPOCHS)) {
            // A "more epochs" fix is only visible if the trial trains longer than the baseline trial.
            int epochs = Math.min(fixed.training().epochs(), 2 * ctx.trials().budget().trialEpochs());
            trial = trial.withTraining(trial.training().withEpochs(epochs));
        }
        DataView[] views = ctx.trialViews();
        TrainingResult result = ctx.trials().train(trial, views[0], views[1], MonitoringOptions.OFF, cancel);
        return SharedExperiments.balancedAccuracy(result, ctx.chance());
    }

    /** The config with a fix's overrides applied. */
    public static ExperimentConfig apply(ExperimentConfig config, Map<String, Object> set) throws ConfigException {
        return ConfigCodec.withValues(config, set);
    }

    /** One finding per id: the most severe, the first on equal severity. Keeps first-seen order. */
    public static List<Finding> mergeById(List<Finding> findings) {
        Map<String, Finding> byId = new LinkedHashMap<>();
        for (Finding f : findings) {
            Finding seen = byId.get(f.id());
            if (seen == null || f.severity().ordinal() > seen.severity().ordinal()) {
                byId.put(f.id(), f);
            }
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Orders findings: confirmed fixes (gain ≥ {@link #MEANINGFUL_GAIN}) by gain; then the rest by severity,
     * untried before tried-without-gain. Ties: causes before symptoms, higher severity, later phase
     * (measured beats predicted), then the original order. Pure.
     */
    public static List<Finding> order(List<Finding> findings, Map<String, Phase> phases) {
        List<Finding> list = new ArrayList<>(findings);
        Map<Finding, Integer> position = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            position.putIfAbsent(list.get(i), i);
        }
        Comparator<Finding> tieBreak = Comparator
                .comparing((Finding f) -> SYMPTOMS.contains(f.id()))
                .thenComparing(f -> -f.severity().ordinal())
                .thenComparing(f -> -phases.getOrDefault(f.id(), Phase.DATA).ordinal())
                .thenComparing(position::get);
        List<Finding> confirmed = new ArrayList<>(list.stream().filter(f -> gain(f) >= MEANINGFUL_GAIN).toList());
        confirmed.sort((a, b) -> {
            double d = gain(b) - gain(a);
            return Math.abs(d) > TIE ? (d > 0 ? 1 : -1) : tieBreak.compare(a, b);
        });
        List<Finding> rest = new ArrayList<>(list.stream().filter(f -> !(gain(f) >= MEANINGFUL_GAIN)).toList());
        rest.sort(Comparator.comparing((Finding f) -> -f.severity().ordinal())
                .thenComparing(f -> SYMPTOMS.contains(f.id()))
                .thenComparing(f -> tried(f) ? 1 : 0)
                .thenComparing(tieBreak));
        confirmed.addAll(rest);
        return confirmed;
    }

    private static boolean tried(Finding f) {
        return f.fix() != null && f.fix().trial() != null;
    }

    private static double gain(Finding f) {
        return tried(f) ? f.fix().trial().gain() : Double.NaN;
    }
}
