package org.collapselab.core.training;

/**
 * How much experiment work was done: trial runs trained, trial requests answered from the cache, epochs trained and
 * training images processed (epochs × images per epoch, summed over runs), and probe steps (the untrained-loss pass
 * and the learning-rate range test's minibatches). Counts compare runs on a shared machine where wall time does not.
 */
public record TrialCounts(long trials, long cachedTrials, long epochs, long images, long probeSteps) {
    public static final TrialCounts NONE = new TrialCounts(0, 0, 0, 0, 0);

    /** The work done since {@code before}. */
    public TrialCounts minus(TrialCounts before) {
        return new TrialCounts(trials - before.trials, cachedTrials - before.cachedTrials, epochs - before.epochs,
                images - before.images, probeSteps - before.probeSteps);
    }

    public TrialCounts plus(TrialCounts other) {
        return new TrialCounts(trials + other.trials, cachedTrials + other.cachedTrials, epochs + other.epochs,
                images + other.images, probeSteps + other.probeSteps);
    }

    /** One finished run of {@code result}: its epochs times the images of one epoch. */
    public static TrialCounts ofRun(TrainingResult result, int imagesPerEpoch) {
        long epochs = result == null ? 0 : result.epochs().size();
        return new TrialCounts(1, 0, epochs, epochs * imagesPerEpoch, 0);
    }
}
