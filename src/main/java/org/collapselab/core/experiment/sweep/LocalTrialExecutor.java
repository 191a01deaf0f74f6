package org.collapselab.core.experiment.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.NativeThreads;

/**
 * Runs K trials at once on threads of this JVM, each trial a normal run.
 *
 * <p>The cores are divided: every worker thread limits ND4J's native ops (OpenMP and the ND4J thread setting) to
 * {@link #threadsPerTrial} = cores / K, at least 1, so K trials never ask for more threads than there are cores.
 * ND4J's thread setting is process-wide rather than per thread; it is set once for the whole sweep here, and the
 * engines' own narrower limit for small images (one thread) can only lower it while trials overlap, never raise it
 * (unless the system property {@value NativeThreads#PROPERTY} forces a larger count).
 *
 * <p>Default K, from a noisy measurement on a shared 2-core machine (load average 14 to 18 from other work): the
 * sample sweep (10 trials × 9 epochs, 24×24×1 images) took 179 s with K = 1 and 158 s with K = 2, with the same
 * trials.csv. Hence {@link #defaultParallel}: one trial per core for small images.
 */
public final class LocalTrialExecutor implements TrialExecutor {
    private final int parallel;
    private final int cores;

    public LocalTrialExecutor(int parallel) {
        this(parallel, Runtime.getRuntime().availableProcessors());
    }

    LocalTrialExecutor(int parallel, int cores) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        this.parallel = parallel;
        this.cores = cores;
    }

    @Override
    public int parallelism() {
        return parallel;
    }

    /**
     * The default K. Small images (up to {@link NativeThreads#SMALL_IMAGE_ELEMENTS} input elements) train on one
     * native thread anyway, so one trial per core fills the CPU without oversubscribing it. Larger images already
     * spread one trial over every core, so trials run one at a time.
     */
    public static int defaultParallel(int cores, org.collapselab.core.model.ExperimentConfig config) {
        long elements = (long) config.data().imageSize() * config.data().imageSize() * config.data().channels();
        return elements <= NativeThreads.SMALL_IMAGE_ELEMENTS ? Math.max(1, cores) : 1;
    }

    /** Native threads each trial may use: the cores shared out evenly, at least one. */
    public static int threadsPerTrial(int cores, int parallel) {
        return Math.max(1, cores / Math.max(1, parallel));
    }

    public int threadsPerTrial() {
        return threadsPerTrial(cores, parallel);
    }

    /** The native threads a trial of this config really uses: the engines train small images on one thread. */
    public int threadsPerTrial(org.collapselab.core.model.ExperimentConfig config) {
        int engineChoice = NativeThreads.forImage(config.data().imageSize(), config.data().channels());
        return engineChoice > 0 ? Math.min(engineChoice, threadsPerTrial()) : threadsPerTrial();
    }

    @Override
    public void run(List<Trial> trials, TrialWork work, Consumer<TrialResult> finished, CancellationToken cancel)
            throws InterruptedException {
        if (trials.isEmpty()) {
            return;
        }
        int threads = threadsPerTrial();
        AtomicInteger names = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(() -> {
                // OpenMP's thread count is a per-thread setting: each worker sets its own for its whole life.
                NativeThreads.limit(threads);
                task.run();
            }, "sweep-trial-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, trials.size()), factory);
        Object handOver = new Object();
        try (NativeThreads.Limit sweepWide = NativeThreads.limit(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                futures.add(pool.submit(() -> {
                    if (cancel.isCancelled()) {
                        return;
                    }
                    TrialResult result = work.run(trial, cancel);
                    if (cancel.isCancelled() && !TrialResult.COMPLETED.equals(result.status())
                            && !TrialResult.DIVERGED.equals(result.status())) {
                        return; // stopped by the user: unfinished, redone on resume
                    }
                    synchronized (handOver) {
                        finished.accept(result);
                    }
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a trial's bookkeeping failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
