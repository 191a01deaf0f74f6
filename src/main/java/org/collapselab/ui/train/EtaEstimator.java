package org.collapselab.ui.train;

/**
 * Time left in a run, from the training speed measured after the first minibatch. The first minibatch of a
 * run carries the network's native set-up (it took seconds where later ones took milliseconds in our runs),
 * so a rate that includes it predicted 14:52 for a run that took 0:34. No estimate is given until enough
 * steady iterations and seconds have passed, and the rate is smoothed so the number does not jump.
 */
final class EtaEstimator {
    /** Seconds of steady training before the first estimate. */
    static final double MIN_SECONDS = 3;
    /** Share of the run's iterations (at least {@link #MIN_ITERATIONS}) before the first estimate. */
    static final double MIN_SHARE = 0.05;
    static final int MIN_ITERATIONS = 3;
    /** Weight of the newest rate measurement; the rest is the previous smoothed rate. */
    static final double SMOOTHING = 0.3;

    private final long totalIterations;
    private double originSeconds = Double.NaN;
    private long originIterations;
    private double lastSeconds = Double.NaN;
    private long lastIterations;
    private double rate = Double.NaN;

    EtaEstimator(long totalIterations) {
        this.totalIterations = totalIterations;
    }

    /**
     * Records that {@code done} iterations had finished at {@code nowSeconds} (any clock in seconds) and
     * returns the seconds left, or NaN while there is no meaningful estimate yet.
     */
    double update(long done, double nowSeconds) {
        if (done <= 0 || totalIterations <= 0) {
            return Double.NaN;
        }
        if (Double.isNaN(originSeconds)) {
            // Measure from the end of the first minibatch on: it paid the set-up.
            originSeconds = nowSeconds;
            originIterations = done;
            lastSeconds = nowSeconds;
            lastIterations = done;
            return Double.NaN;
        }
        long steady = done - originIterations;
        double elapsed = nowSeconds - originSeconds;
        long needed = Math.max(MIN_ITERATIONS, (long) Math.ceil(MIN_SHARE * totalIterations));
        if (done > lastIterations && nowSeconds > lastSeconds) {
            double measured = Double.isNaN(rate) ? steady / elapsed
                    : (done - lastIterations) / (nowSeconds - lastSeconds);
            if (steady >= needed && elapsed >= MIN_SECONDS) {
                rate = Double.isNaN(rate) ? measured : SMOOTHING * measured + (1 - SMOOTHING) * rate;
            }
            lastSeconds = nowSeconds;
            lastIterations = done;
        }
        if (Double.isNaN(rate) || rate <= 0) {
            return Double.NaN;
        }
        return Math.max(0, totalIterations - done) / rate;
    }
}
