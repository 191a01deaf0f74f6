package org.collapselab.core.util;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many OpenMP threads ND4J's native ops (and oneDNN, which shares libgomp) use on the calling thread. On small
 * images the ops of a 32-image minibatch take microseconds, and libgomp's barrier spin-wait between them dominates:
 * a JFR/perf profile of the 28×28×1 bench spent 76 % of CPU time spinning in libgomp, and when another process shares
 * the two cores the spinning threads starve each other (the bench fell to a tenth of its quiet speed). One thread
 * avoids both. The choice can be overridden with the system property {@value #PROPERTY} (a thread count, or
 * {@code auto}). Not thread-safe: one training at a time.
 */
public final class NativeThreads {
    public static final String PROPERTY = "collapselab.nativeThreads";
    /** Input elements per image (height × width × channels) up to which a single thread is used. */
    public static final long SMALL_IMAGE_ELEMENTS = 32L * 32 * 3;

    private NativeThreads() {
    }

    /** The thread count for images of this size: the property, else 1 for small images, else 0 (leave as is). */
    public static int forImage(int size, int channels) {
        String forced = System.getProperty(PROPERTY, "auto").trim();
        if (!forced.equalsIgnoreCase("auto")) {
            try {
                return Math.max(0, Integer.parseInt(forced));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return (long) size * size * channels <= SMALL_IMAGE_ELEMENTS ? 1 : 0;
    }

    /**
     * Limits native ops to {@code threads} (0: no change) until the returned handle is closed, which restores the
     * previous settings.
     */
    public static Limit limit(int threads) {
        if (threads <= 0) {
            return () -> { };
        }
        Environment env;
        org.nd4j.nativeblas.NativeOps ops;
        try {
            env = Nd4j.getEnvironment();
            ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        } catch (RuntimeException | LinkageError e) {
            return () -> { }; // no backend: the caller reports that when it starts one
        }
        int maxThreads = env.maxThreads();
        int masterThreads = env.maxMasterThreads();
        int ompThreads = ops.ompGetMaxThreads();
        env.setMaxThreads(threads);
        env.setMaxMasterThreads(threads);
        ops.setOmpNumThreads(threads);
        return () -> {
            env.setMaxThreads(maxThreads);
            env.setMaxMasterThreads(masterThreads);
            ops.setOmpNumThreads(ompThreads);
        };
    }

    /** Restores the thread settings on close. */
    public interface Limit extends AutoCloseable {
        @Override
        void close();
    }
}
