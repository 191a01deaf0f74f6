package org.collapselab.core.diagnostics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which finding explains which: the known cause → effect links between finding ids (a learning rate too high kills
 * ReLU units, dead units make the network predict one class; a wrong output activation puts the initial loss off,
 * and a loss that starts off takes long to fall). The cause ranking lists an effect under the cause present in the
 * same diagnosis, so a chain reads root first. The links form no cycle (a test checks it). Pure and stateless.
 */
public final class CauseChains {
    /** One link: {@code cause} explains {@code effect} when the cause finding passes {@code applies}. */
    public record Link(String cause, String effect, String because, Predicate<Finding> applies) {
    }

    private static final Predicate<Finding> ALWAYS = f -> true;
    /** A {@code learning-rate-out-of-range} above its range (it also reports rates below). */
    private static final Predicate<Finding> ABOVE_RANGE = f -> f.evidence() != null
            && f.evidence().measured() > f.evidence().threshold();

    private static final String ONE_CLASS = "a network that cannot learn the classes falls back on the answer that is "
            + "right most often";
    private static final List<Link> LINKS = List.of(
            // steps too large
            link("learning-rate-too-high", "dead-relu", "steps this large push ReLU inputs below zero for good"),
            link("learning-rate-too-high", "exploding-gradient", "large steps feed ever larger weights and gradients"),
            link("learning-rate-too-high", "nan-loss", "steps that overshoot grow until the numbers overflow"),
            link("learning-rate-too-high", "saturated-activations", "large steps drive units into their flat ends"),
            link("learning-rate-too-high", "collapsed-predictions", ONE_CLASS),
            link("learning-rate-too-high", "never-predicted-classes", ONE_CLASS),
            link("learning-rate-too-high", "cannot-overfit-small-batch", "steps that overshoot cannot settle even on a few images"),
            link("learning-rate-too-high", "ignores-input", ONE_CLASS),
            new Link("learning-rate-out-of-range", "dead-relu", "steps this large push ReLU inputs below zero for good",
                    ABOVE_RANGE),
            new Link("learning-rate-out-of-range", "collapsed-predictions", ONE_CLASS, ABOVE_RANGE),
            // steps too small
            link("learning-rate-too-low", "collapsed-predictions", "after tiny steps the network is still near its start, "
                    + "where the class frequencies are the cheapest answer"),
            link("learning-rate-too-low", "never-predicted-classes", ONE_CLASS),
            link("learning-rate-too-low", "cannot-overfit-small-batch", "steps this small cannot fit even a few images in time"),
            link("learning-rate-too-low", "ignores-input", "the weights barely moved from their random start"),
            // initialisation and architecture
            link("symmetric-init", "dead-relu", "units that start equal stay equal, and all of them can die together"),
            link("symmetric-init", "collapsed-predictions", ONE_CLASS),
            link("symmetric-init", "never-predicted-classes", ONE_CLASS),
            link("symmetric-init", "cannot-overfit-small-batch", "units that start equal learn the same thing"),
            link("symmetric-init", "ignores-input", "units that start equal learn the same thing"),
            link("dead-relu", "collapsed-predictions", "dead units pass nothing on, so the output no longer depends on the image"),
            link("dead-relu", "never-predicted-classes", "dead units pass nothing on"),
            link("dead-relu", "cannot-overfit-small-batch", "dead units neither learn nor pass gradients"),
            link("dead-relu", "ignores-input", "dead units pass nothing of the image on"),
            link("vanishing-gradient", "collapsed-predictions", "the early layers barely learn"),
            link("vanishing-gradient", "never-predicted-classes", "the early layers barely learn"),
            link("vanishing-gradient", "cannot-overfit-small-batch", "the early layers barely learn"),
            link("vanishing-gradient", "ignores-input", "the early layers barely learn"),
            link("exploding-gradient", "nan-loss", "gradients that explode overflow the weights"),
            link("inputs-not-normalized", "saturated-activations", "large raw inputs drive units into their flat ends"),
            link("inputs-not-normalized", "exploding-gradient", "large raw inputs give large gradients"),
            // output layer and loss
            link("output-activation-mismatch", "initial-loss-off", "the output and the loss do not agree from the first step"),
            link("output-activation-mismatch", "collapsed-predictions", "the loss rewards the wrong outputs"),
            link("output-activation-mismatch", "never-predicted-classes", "the loss rewards the wrong outputs"),
            link("output-activation-mismatch", "cannot-overfit-small-batch", "the loss rewards the wrong outputs"),
            link("output-activation-mismatch", "nan-loss", "the loss takes the log of outputs that can be zero"),
            link("output-activation-mismatch", "still-improving", "gradients through a mismatched output and loss are "
                    + "weak or wrong, so the loss falls slowly"),
            link("initial-loss-off", "still-improving", "a loss that starts far off needs many epochs just to come back"),
            // the data
            link("class-imbalance", "collapsed-predictions", "the largest class is the cheapest answer"),
            link("class-imbalance", "never-predicted-classes", "the small classes are too rare to be worth predicting"),
            link("no-class-signal", "collapsed-predictions", "without a signal the class frequencies are all there is to learn"),
            link("no-class-signal", "never-predicted-classes", "without a signal the class frequencies are all there is to learn"),
            link("no-class-signal", "ignores-input", "the images do not tell the classes apart"),
            // symptoms of symptoms
            link("nan-loss", "collapsed-predictions", "a NaN network outputs one class"),
            link("collapsed-predictions", "never-predicted-classes", "a network that predicts one class predicts no other"));

    private CauseChains() {
    }

    private static Link link(String cause, String effect, String because) {
        return new Link(cause, effect, because, ALWAYS);
    }

    /** Every link (for the docs and the acyclicity test). */
    public static List<Link> links() {
        return LINKS;
    }

    /** The link by which {@code cause} explains {@code effect}, or null. */
    public static Link link(Finding cause, Finding effect) {
        for (Link l : LINKS) {
            if (l.cause().equals(cause.id()) && l.effect().equals(effect.id()) && l.applies().test(cause)) {
                return l;
            }
        }
        return null;
    }

    /**
     * For each finding that another one in {@code findings} explains, the finding it is listed under: the most
     * specific explaining finding (the one deepest in its own chain), so that "learning rate → dead ReLU → collapse"
     * reads as one chain rather than two branches. Ties: the earlier finding. Findings absent from the map are roots.
     */
    public static Map<Finding, Finding> parents(List<Finding> findings) {
        Map<Finding, List<Finding>> causes = new LinkedHashMap<>();
        for (Finding effect : findings) {
            List<Finding> explaining = new ArrayList<>();
            for (Finding cause : findings) {
                if (cause != effect && link(cause, effect) != null) {
                    explaining.add(cause);
                }
            }
            causes.put(effect, explaining);
        }
        Map<Finding, Integer> depth = new HashMap<>();
        Map<Finding, Finding> parents = new LinkedHashMap<>();
        for (Finding effect : findings) {
            Finding best = null;
            for (Finding cause : causes.get(effect)) {
                if (best == null || depth(cause, causes, depth, 0) > depth(best, causes, depth, 0)) {
                    best = cause;
                }
            }
            if (best != null) {
                parents.put(effect, best);
            }
        }
        return parents;
    }

    /** Length of the longest chain of causes above {@code f} (0 for a root). The links are acyclic. */
    private static int depth(Finding f, Map<Finding, List<Finding>> causes, Map<Finding, Integer> memo, int guard) {
        Integer known = memo.get(f);
        if (known != null) {
            return known;
        }
        if (guard > LINKS.size()) {
            throw new IllegalStateException("cause links form a cycle at " + f.id());
        }
        int d = 0;
        for (Finding c : causes.getOrDefault(f, List.of())) {
            d = Math.max(d, 1 + depth(c, causes, memo, guard + 1));
        }
        memo.put(f, d);
        return d;
    }
}
