package org.collapselab.core.training;

import java.util.Locale;
/**
 * Bounds the work of active checks and cause ranking: a wall-clock allowance for all experiments
 * together, the epochs of a trial run and the images it may use. Thread-safe. The clock starts at
 * creation; an interactive caller restarts it for each user action ({@link #restartClock()}).
 */
public final class TrialBudget {
    public static final int DEFAULT_TRIAL_EPOCHS = 4;
    public static final int DEFAULT_MAX_TRIAL_IMAGES = 600;
    /** Seconds of experiments per `diagnose` run or per GUI action, unless the user chooses otherwise. */
    public static final double DEFAULT_SECONDS = 600;

    private final double seconds;
    private final int trialEpochs;
    private final int maxTrialImages;
    private volatile long startNanos = System.nanoTime();

    private TrialBudget(double seconds, int trialEpochs, int maxTrialImages) {
        this.seconds = seconds;
        this.trialEpochs = trialEpochs;
        this.maxTrialImages = maxTrialImages;
    }

    /**
     * @param seconds        total seconds for experiments; {@code <= 0} means unlimited
     * @param trialEpochs    epochs of a short trial run (a fix's trial, a reference run)
     * @param maxTrialImages training images a trial uses at most (a stratified sample)
     */
    public static TrialBudget of(double seconds, int trialEpochs, int maxTrialImages) {
        return new TrialBudget(seconds, Math.max(1, trialEpochs), Math.max(10, maxTrialImages));
    }

    public static TrialBudget unlimited() {
        return of(0, DEFAULT_TRIAL_EPOCHS, DEFAULT_MAX_TRIAL_IMAGES);
    }

    public static TrialBudget standard() {
        return of(DEFAULT_SECONDS, DEFAULT_TRIAL_EPOCHS, DEFAULT_MAX_TRIAL_IMAGES);
    }

    public double seconds() { return seconds; }
    public int trialEpochs() { return trialEpochs; }
    public int maxTrialImages() { return maxTrialImages; }

    /** Starts the allowance afresh (a new "Run all" or "Run step" in the stepper). */
    public void restartClock() {
        startNanos = System.nanoTime();
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
            throw new BudgetExhaustedException(String.format(Locale.ROOT, "time budget of %.0f s spent before %s", seconds, what));
        }
    }
}
