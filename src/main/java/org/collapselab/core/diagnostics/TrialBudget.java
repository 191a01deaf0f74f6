package org.collapselab.core.diagnostics;

/**
 * Bounds the work of active checks and cause ranking: a wall-clock allowance for all experiments
 * together, the epochs of a trial run and the images it may use. Thread-safe (immutable apart from the start time).
 *
 * @param seconds        total seconds for experiments; {@code <= 0} means unlimited
 * @param trialEpochs    epochs of a short trial run (a fix's trial, a reference run)
 * @param maxTrialImages training images a trial uses at most (a stratified sample)
 */
public record TrialBudget(double seconds, int trialEpochs, int maxTrialImages, long startNanos) {
    public static final int DEFAULT_TRIAL_EPOCHS = 4;
    public static final int DEFAULT_MAX_TRIAL_IMAGES = 600;

    public static TrialBudget of(double seconds, int trialEpochs, int maxTrialImages) {
        return new TrialBudget(seconds, Math.max(1, trialEpochs), Math.max(10, maxTrialImages), System.nanoTime());
    }

    public static TrialBudget unlimited() {
        return of(0, DEFAULT_TRIAL_EPOCHS, DEFAULT_MAX_TRIAL_IMAGES);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public double secondsLeft() {
        return seconds <= 0 ? Double.POSITIVE_INFINITY : seconds - elapsedSeconds();
    }

    /** @throws BudgetExhaustedException when no time is left for {@code what} */
    public void require(String what) {
        if (secondsLeft() <= 0) {
            throw new BudgetExhaustedException(String.format("time budget of %.0f s spent before %s", seconds, what));
        }
    }
}
