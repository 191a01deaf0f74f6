package org.collapselab.core.diagnostics;

import org.collapselab.core.training.BudgetExhaustedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Findings that offer the same fix are one entry, and a finding that another one explains ({@link CauseChains})
 * is listed under it, so each entry is a cause chain, root first; every entry says why it holds its place.
 * Blocking; honours the budget and the cancellation token (untried fixes simply stay untried).
 */
public final class CauseRanker {
    /** A fix must gain this much balanced accuracy in its trial to count as confirmed. */
    public static final double MEANINGFUL_GAIN = 0.05;
    /** Gains closer than this are treated as equal. */
    public static final double TIE = 0.02;
    /** Findings that describe the failure rather than a cause (as their checks declare); they rank after causes. */
    public static final Set<String> SYMPTOMS = DiagnosticCatalog.symptomIds();
    /** The ranking rule in one sentence, for the headings of the GUI, the CLI and the HTML report. */
    public static final String RULE = "A fix that raised balanced accuracy by at least "
            + String.format(Locale.ROOT, "%.2f", MEANINGFUL_GAIN) + " in its short trial ranks first, largest gain "
            + "first; the rest follow by severity, causes before symptoms. A shortcut the trained model relies on "
            + "comes first, since every trial was measured on data that carries it. Findings that a cause explains, or "
            + "that offer the same fix, are listed under it.";
    /** The shortcut finding; at critical it was measured on the trained model (it relies on the shortcut). */
    static final String SHORTCUT = "spurious-feature";

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
        Map<Map<String, Object>, FixTrial> trials = new HashMap<>();
        if (ctx.trials() != null) {
            List<Map<String, Object>> sets = new ArrayList<>();
            for (Finding f : merged) {
                // Cross-validation changes how a run is measured, not what it learns: a trial of it says nothing.
                if (f.fix() != null && !f.fix().set().isEmpty() && !sets.contains(f.fix().set())
                        && !f.fix().set().keySet().equals(Set.of(ConfigPaths.FOLDS))) {
                    sets.add(f.fix().set());
                }
            }
            double chance = ctx.chance();
            try {
                if (!sets.isEmpty()) {
                    progress.progress(0, sets.size() + 1, "baseline trial");
                    double before = SharedExperiments.balancedAccuracy(SharedExperiments.userBaseline(ctx, cancel), chance);
                    DataView[] views = ctx.trialViews();
                    int smallest = Arrays.stream(views[1].classCounts()).filter(n -> n > 0).min().orElse(0);
                    Double resolution = smallest == 0 ? null : 1.0 / (ctx.classCount() * smallest);
                    for (int i = 0; i < sets.size() && !cancel.isCancelled(); i++) {
                        Map<String, Object> set = sets.get(i);
                        progress.progress(i + 1, sets.size() + 1, "trial: " + set);
                        ctx.trials().budget().require("trial " + set);
                        double after = trial(ctx, set, cancel);
                        trials.put(set, new FixTrial(before, after, trialEpochs(ctx, set), views[0].count(),
                                views[1].count(), smallest, resolution));
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
        return arrange(withTrials, phases);
    }

    /** Epochs of the trial of {@code set}: the trial length, longer for a "more epochs" fix (see {@link #trial}). */
    static int trialEpochs(DiagnosticContext ctx, Map<String, Object> set) {
        int epochs = ctx.trialConfig(ctx.config()).training().epochs();
        if (set.containsKey(ConfigPaths.EPOCHS)) {
            try {
                epochs = Math.min(apply(ctx.config(), set).training().epochs(), 2 * ctx.trials().budget().trialEpochs());
            } catch (ConfigException e) {
                return epochs;
            }
        }
        return epochs;
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
     * Orders findings each as an entry of its own: confirmed fixes (gain ≥ {@link #MEANINGFUL_GAIN}) by gain; then the
     * rest by severity, causes before symptoms, untried before tried-without-gain. Ties: causes before symptoms,
     * higher severity, later phase (measured beats predicted), then the original order. Pure; no grouping.
     */
    public static List<Finding> order(List<Finding> findings, Map<String, Phase> phases) {
        List<Entry> entries = new ArrayList<>();
        for (Finding f : findings) {
            entries.add(new Entry(f, List.of(f)));
        }
        return orderEntries(entries, phases, findings).stream().map(Entry::root).toList();
    }

    /**
     * The ranking as the user reads it: findings that offer the same fix become one entry (the likelier cause first),
     * a finding that another one explains is listed under it ({@link CauseChains}), the entries are ordered as
     * {@link #order} orders single findings (using the best trial and the worst severity in each chain), and each
     * entry's root gets its rank and the reason for its place. Every finding keeps a place: root first, then the
     * findings under it (sharing its rank, with {@link Finding#under()} set). Pure.
     */
    public static List<Finding> arrange(List<Finding> findings, Map<String, Phase> phases) {
        List<Finding> list = List.copyOf(Uncertainty.whenValidationTooSmall(findings));
        Comparator<Finding> likelierCause = tieBreak(phases, list);
        // 1. One entry per fix.
        Map<Map<String, Object>, List<Finding>> byFix = new LinkedHashMap<>();
        for (Finding f : list) {
            if (f.fix() != null && !f.fix().set().isEmpty()) {
                byFix.computeIfAbsent(f.fix().set(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<Finding, FindingLink> under = new LinkedHashMap<>();
        Map<Finding, List<Finding>> children = new LinkedHashMap<>();
        for (List<Finding> group : byFix.values()) {
            if (group.size() > 1) {
                Finding primary = group.stream().min(likelierCause).orElseThrow();
                for (Finding f : group) {
                    if (f != primary) {
                        // A symptom of the leading finding that shares its fix reads as the symptom it is.
                        CauseChains.Link link = CauseChains.link(primary, f);
                        under.put(f, link != null
                                ? new FindingLink(primary.id(), FindingLink.Relation.SYMPTOM, link.because()
                                + "; same fix")
                                : new FindingLink(primary.id(), FindingLink.Relation.SAME_FIX,
                                "offers the same fix: " + describe(f.fix().set())));
                        children.computeIfAbsent(primary, k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        // 2. Chains over the entries left.
        List<Finding> representatives = list.stream().filter(f -> !under.containsKey(f)).toList();
        Map<Finding, Finding> parents = CauseChains.parents(representatives);
        for (Finding f : representatives) {
            Finding parent = parents.get(f);
            if (parent != null) {
                under.put(f, new FindingLink(parent.id(), FindingLink.Relation.SYMPTOM,
                        CauseChains.link(parent, f).because()));
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(f);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Finding root : representatives) {
            if (!parents.containsKey(root)) {
                List<Finding> members = new ArrayList<>();
                collect(root, children, members, likelierCause);
                entries.add(new Entry(root, members));
            }
        }
        List<Finding> ranked = new ArrayList<>();
        List<Entry> ordered = orderEntries(entries, phases, list);
        for (int i = 0; i < ordered.size(); i++) {
            Entry e = ordered.get(i);
            for (Finding f : e.members()) {
                Finding placed = f.withRank(i + 1).withUnder(under.get(f));
                ranked.add(f == e.root() ? placed.withRankReason(reason(e)) : placed);
            }
        }
        return ranked;
    }

    /** {@code f}, then depth-first what is listed under it: same-fix findings first, then symptoms, likelier first. */
    private static void collect(Finding f, Map<Finding, List<Finding>> children, List<Finding> out,
                                Comparator<Finding> likelierCause) {
        out.add(f);
        List<Finding> below = new ArrayList<>(children.getOrDefault(f, List.of()));
        below.sort(Comparator.comparing((Finding c) -> c.fix() == null || !c.fix().set().equals(f.fix() == null
                ? Map.of() : f.fix().set())).thenComparing(likelierCause));
        for (Finding c : below) {
            collect(c, children, out, likelierCause);
        }
    }

    /** One entry of the ranking: a root finding and everything listed under it (the root first). */
    private record Entry(Finding root, List<Finding> members) {
        Severity severity() {
            return members.stream().map(Finding::severity).max(Enum::compareTo).orElse(root.severity());
        }

        /** The member whose fix gained most in its trial, or null when none was tried. */
        Finding bestTrial() {
            Finding best = null;
            for (Finding f : members) {
                if (tried(f) && (best == null || CauseRanker.gain(f) > CauseRanker.gain(best))) {
                    best = f;
                }
            }
            return best;
        }

        double gain() {
            Finding best = bestTrial();
            return best == null ? Double.NaN : CauseRanker.gain(best);
        }
    }

    private static Comparator<Finding> tieBreak(Map<String, Phase> phases, List<Finding> original) {
        Map<Finding, Integer> position = new HashMap<>();
        for (int i = 0; i < original.size(); i++) {
            position.putIfAbsent(original.get(i), i);
        }
        return Comparator
                .comparing((Finding f) -> SYMPTOMS.contains(f.id()))
                .thenComparing(f -> -f.severity().ordinal())
                .thenComparing(f -> -phases.getOrDefault(f.id(), Phase.DATA).ordinal())
                .thenComparing(f -> position.getOrDefault(f, Integer.MAX_VALUE));
    }

    private static List<Entry> orderEntries(List<Entry> entries, Map<String, Phase> phases, List<Finding> original) {
        Comparator<Finding> rootTieBreak = tieBreak(phases, original);
        Comparator<Entry> tieBreak = Comparator.comparing(Entry::root, rootTieBreak);
        List<Entry> confirmed = new ArrayList<>(entries.stream().filter(e -> e.gain() >= MEANINGFUL_GAIN).toList());
        confirmed.sort((a, b) -> {
            double d = b.gain() - a.gain();
            return Math.abs(d) > TIE ? (d > 0 ? 1 : -1) : tieBreak.compare(a, b);
        });
        List<Entry> rest = new ArrayList<>(entries.stream().filter(e -> !(e.gain() >= MEANINGFUL_GAIN)).toList());
        rest.sort(Comparator.comparing((Entry e) -> -e.severity().ordinal())
                .thenComparing(e -> SYMPTOMS.contains(e.root().id()))
                .thenComparing(e -> e.bestTrial() != null ? 1 : 0)
                .thenComparing(tieBreak));
        confirmed.addAll(rest);
        // A validation split too small to measure comes first: every other entry was judged on it. Next a shortcut the
        // model relies on (a leaking column): the trials' validation data carries it too, so their gains measure how
        // well a fix learns the shortcut, not whether it treats a cause.
        confirmed.sort(Comparator.comparing((Entry e) -> !Uncertainty.VALIDATION_TOO_SMALL.equals(e.root().id()))
                .thenComparing(e -> !reliedOnShortcut(e.root())));
        return confirmed;
    }

    /** A shortcut finding at critical: raised only when the trained model was measured relying on the shortcut. */
    static boolean reliedOnShortcut(Finding f) {
        return SHORTCUT.equals(f.id()) && f.severity() == Severity.CRITICAL;
    }

    /** Why an entry holds its place, in words: its trial, or why the trials did not decide it. */
    static String reason(Entry e) {
        Finding best = e.bestTrial();
        if (Uncertainty.VALIDATION_TOO_SMALL.equals(e.root().id())) {
            return "First, because every other finding was judged on this validation split.";
        }
        if (reliedOnShortcut(e.root())) {
            return "First, because the trained model relies on this shortcut and every trial's validation data carries "
                    + "it, so no trial gain measures a cause without it.";
        }
        String severity = "placed by severity (" + e.severity().json() + ")";
        String symptom = SYMPTOMS.contains(e.root().id())
                ? "; a symptom with no cause among the findings, so after the causes" : "";
        if (best != null && gain(best) >= MEANINGFUL_GAIN) {
            return (best == e.root() ? "Its fix" : "The fix of " + best.id() + " under it") + " raised balanced accuracy "
                    + "in a short trial: " + describe(best.fix().trial()) + ".";
        }
        if (best != null) {
            FixTrial t = best.fix().trial();
            String verdict = gain(best) <= -MEANINGFUL_GAIN ? "Trial made it worse" : "Trial inconclusive";
            String noise = t.resolution() != null && t.resolution() >= MEANINGFUL_GAIN / 2
                    ? String.format(Locale.ROOT, "; the trial's validation has %d %s of its smallest class, so one image "
                    + "moves balanced accuracy by %.2f", t.smallestClassImages(), t.smallestClassImages() == 1 ? "image"
                    : "images", t.resolution()) : "";
            return String.format(Locale.ROOT, "%s (%s, less than the %.2f that counts%s): %s%s.", verdict,
                    describe(t), MEANINGFUL_GAIN, noise, severity, symptom);
        }
        boolean configFix = e.members().stream().anyMatch(f -> f.fix() != null && !f.fix().set().isEmpty());
        return (configFix ? "Its fix was not tried (no trial runs here, or the experiment budget ran out): "
                : "No config change to try: ") + severity + symptom + ".";
    }

    /** "0.33 → 0.31 (−0.02), 4-epoch trials on 400 training and 78 validation images" */
    public static String describe(FixTrial t) {
        String change = String.format(Locale.ROOT, "%.2f → %.2f (%s%.2f)", t.balancedAccuracyBefore(),
                t.balancedAccuracyAfter(), t.gain() < 0 ? "−" : "+", Math.abs(t.gain()));
        if (t.epochs() == null || t.trainImages() == null || t.validationImages() == null) {
            return change;
        }
        return change + String.format(Locale.ROOT, ", %d-epoch trial on %d training and %d validation images",
                t.epochs(), t.trainImages(), t.validationImages());
    }

    /** "data.balance=class-weights, model.layers[0].activation=leakyrelu (layer 1)": layers named 1-based for users. */
    public static String describe(Map<String, Object> set) {
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(set).forEach((k, v) -> parts.add(
                org.collapselab.core.model.ConfigPaths.assignmentForUser(k, v)));
        return String.join(", ", parts);
    }

    private static boolean tried(Finding f) {
        return f.fix() != null && f.fix().trial() != null;
    }

    private static double gain(Finding f) {
        return tried(f) ? f.fix().trial().gain() : Double.NaN;
    }
}
