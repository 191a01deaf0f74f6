package org.collapselab.core.experiment.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says in plain words where a sweep's model collapses, derived from the trials: along the first numeric parameter,
 * for each combination of the others, whether collapse happens everywhere, nowhere, above or below a value, or at
 * scattered values; which choice avoids it; and the best trial. With many sparse combinations (random search, more
 * than two parameters) it compares the collapsed and healthy trials parameter by parameter instead. Pure.
 */
public final class SweepSummary {
    private static final int MAX_SLICES = 6;

    private SweepSummary() {
    }

    public static String describe(SweepSpec spec, List<TrialResult> finals) {
        // Only trials with metrics say anything about collapse; a run that diverged before its first epoch has none.
        List<TrialResult> ran = finals.stream().filter(r -> !r.status().equals(TrialResult.FAILED)
                && !r.status().equals("stopped") && !Double.isNaN(r.balancedAccuracy())).toList();
        List<TrialResult> broken = finals.stream().filter(r -> !ran.contains(r)).toList();
        List<String> sentences = new ArrayList<>();
        if (ran.isEmpty()) {
            return finals.isEmpty() ? "No trial has finished yet."
                    : "No trial trained for a full epoch; " + broken(spec, broken) + ".";
        }
        long collapsed = ran.stream().filter(TrialResult::collapsed).count();
        if (collapsed == 0) {
            sentences.add("no trial collapsed (" + ran.size() + " trained)");
        } else {
            sentences.add(collapsed + " of " + ran.size() + " trials that trained collapsed (predicted "
                    + dominant(ran) + " for almost everything)");
            if (collapsed == ran.size()) {
                sentences.add("it collapses at every value tried, so the cause lies outside the swept parameters");
            } else {
                sentences.addAll(whereItCollapses(spec.parameters(), ran));
            }
        }
        if (!broken.isEmpty()) {
            sentences.add(broken(spec, broken));
        }
        best(spec, finals).ifPresent(sentences::add);
        if (spec.halving()) {
            sentences.add("with successive halving, configurations dropped at an early rung are judged at the epochs they ran");
        }
        return sentences.stream().map(SweepSummary::capitalise).collect(Collectors.joining(". ")) + ".";
    }

    /** Trials without metrics: which values, and what happened (diverged, failed). */
    private static String broken(SweepSpec spec, List<TrialResult> broken) {
        Map<String, List<String>> byStatus = new LinkedHashMap<>();
        for (TrialResult r : broken) {
            byStatus.computeIfAbsent(r.status(), k -> new ArrayList<>()).add(sliceName(spec.parameters(), r));
        }
        return byStatus.entrySet().stream().map(e -> (e.getKey().equals(TrialResult.DIVERGED)
                        ? "training diverged (the loss became NaN or infinite) with " : e.getKey() + " with ")
                        + String.join("; ", e.getValue().subList(0, Math.min(4, e.getValue().size())))
                        + (e.getValue().size() > 4 ? " and " + (e.getValue().size() - 4) + " more" : ""))
                .collect(Collectors.joining("; "));
    }

    private static List<String> whereItCollapses(List<SweepParameter> parameters, List<TrialResult> ran) {
        SweepParameter axis = parameters.stream().filter(SweepParameter::numeric).filter(p -> distinct(ran, p) > 1)
                .findFirst().orElse(parameters.get(0));
        List<SweepParameter> others = parameters.stream().filter(p -> p != axis).toList();
        Map<String, List<TrialResult>> slices = new LinkedHashMap<>();
        for (TrialResult row : ran) {
            slices.computeIfAbsent(sliceName(others, row), k -> new ArrayList<>()).add(row);
        }
        boolean dense = slices.size() <= MAX_SLICES && slices.values().stream().allMatch(s -> s.size() >= 2);
        if (!dense) {
            return byParameter(parameters, ran);
        }
        List<String> sentences = new ArrayList<>();
        for (Map.Entry<String, List<TrialResult>> slice : slices.entrySet()) {
            String along = along(axis, slice.getValue());
            sentences.add(slice.getKey().isEmpty() ? "it " + along : "with " + slice.getKey() + " it " + along);
        }
        sentences.addAll(avoiders(axis, others, ran));
        return sentences;
    }

    /** How collapse varies along the axis within one slice. */
    private static String along(SweepParameter axis, List<TrialResult> slice) {
        List<TrialResult> sorted = new ArrayList<>(slice);
        if (axis.numeric()) {
            sorted.sort(Comparator.comparingDouble(r -> Double.parseDouble(r.parameters().get(axis.path()))));
        }
        List<String> values = sorted.stream().map(r -> r.parameters().get(axis.path())).toList();
        List<Boolean> flags = sorted.stream().map(TrialResult::collapsed).toList();
        String name = axis.label();
        if (!flags.contains(false)) {
            return "collapses at every " + name + " tried (" + String.join(", ", values) + ")";
        }
        if (!flags.contains(true)) {
            return "does not collapse at any " + name + " tried (" + String.join(", ", values) + ")";
        }
        int first = flags.indexOf(true);
        int last = flags.lastIndexOf(true);
        boolean contiguous = !flags.subList(first, last + 1).contains(false);
        if (axis.numeric() && contiguous && last == flags.size() - 1) {
            return "collapses for every " + name + " from " + values.get(first) + " up and not at " + values.get(first - 1)
                    + " or below";
        }
        if (axis.numeric() && contiguous && first == 0) {
            return "collapses for every " + name + " up to " + values.get(last) + " and not from " + values.get(last + 1) + " up";
        }
        List<String> at = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (flags.get(i)) {
                at.add(values.get(i));
            }
        }
        return "collapses at " + name + " " + String.join(", ", at) + " only";
    }

    /** A value of another parameter under which nothing collapsed, while other values of it did. */
    private static List<String> avoiders(SweepParameter axis, List<SweepParameter> others, List<TrialResult> ran) {
        List<String> sentences = new ArrayList<>();
        for (SweepParameter other : others) {
            Map<String, List<TrialResult>> byValue = new LinkedHashMap<>();
            ran.forEach(r -> byValue.computeIfAbsent(r.parameters().get(other.path()), k -> new ArrayList<>()).add(r));
            for (Map.Entry<String, List<TrialResult>> e : byValue.entrySet()) {
                boolean clean = e.getValue().stream().noneMatch(TrialResult::collapsed);
                long elsewhere = ran.stream().filter(r -> !r.parameters().get(other.path()).equals(e.getKey()))
                        .filter(TrialResult::collapsed).count();
                if (clean && elsewhere > 0) {
                    sentences.add(other.label() + " " + e.getKey() + " removes the collapse at every " + axis.label()
                            + " tried (" + elsewhere + " collapsed trial" + (elsewhere == 1 ? "" : "s") + " with other "
                            + other.label() + " values)");
                }
            }
        }
        return sentences;
    }

    /** Sparse results: the range or values of each parameter among collapsed and healthy trials. */
    private static List<String> byParameter(List<SweepParameter> parameters, List<TrialResult> ran) {
        List<String> sentences = new ArrayList<>();
        for (SweepParameter p : parameters) {
            List<TrialResult> bad = ran.stream().filter(TrialResult::collapsed).toList();
            List<TrialResult> good = ran.stream().filter(r -> !r.collapsed()).toList();
            if (p.numeric()) {
                sentences.add("collapsed trials had " + p.label() + " " + span(p, bad) + ", healthy ones " + span(p, good));
            } else {
                Map<String, long[]> counts = new LinkedHashMap<>();
                for (TrialResult r : ran) {
                    long[] c = counts.computeIfAbsent(r.parameters().get(p.path()), k -> new long[2]);
                    c[0] += r.collapsed() ? 1 : 0;
                    c[1]++;
                }
                sentences.add("by " + p.label() + ": " + counts.entrySet().stream()
                        .map(e -> e.getKey() + " collapsed " + e.getValue()[0] + " of " + e.getValue()[1])
                        .collect(Collectors.joining(", ")));
            }
        }
        return sentences;
    }

    private static String span(SweepParameter p, List<TrialResult> rows) {
        double lo = rows.stream().mapToDouble(r -> Double.parseDouble(r.parameters().get(p.path()))).min().orElse(Double.NaN);
        double hi = rows.stream().mapToDouble(r -> Double.parseDouble(r.parameters().get(p.path()))).max().orElse(Double.NaN);
        return lo == hi ? SweepParameter.formatNumber(lo) : SweepParameter.formatNumber(lo) + " to " + SweepParameter.formatNumber(hi);
    }

    private static java.util.Optional<String> best(SweepSpec spec, List<TrialResult> finals) {
        Objective objective = spec.objective();
        return finals.stream().filter(objective::usable).min(objective.ranking()).map(b -> "best " + objective.label() + " "
                + String.format(Locale.ROOT, "%.3f", objective.of(b)) + " with " + sliceName(spec.parameters(), b)
                + " (" + b.runFolder() + (b.collapsed() ? ", and even it collapsed" : "") + ")");
    }

    private static String sliceName(List<SweepParameter> parameters, TrialResult row) {
        return parameters.stream().map(p -> p.label() + " " + row.parameters().get(p.path())).collect(Collectors.joining(", "));
    }

    private static long distinct(List<TrialResult> rows, SweepParameter p) {
        return rows.stream().map(r -> r.parameters().get(p.path())).distinct().count();
    }

    private static String dominant(List<TrialResult> rows) {
        List<String> classes = rows.stream().filter(TrialResult::collapsed).map(TrialResult::dominantClass)
                .filter(c -> !c.isEmpty()).distinct().toList();
        return classes.isEmpty() ? "one class" : classes.size() == 1 ? "'" + classes.get(0) + "'" : "one class";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
