package org.collapselab.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.collapselab.core.util.CancellationToken;

/**
 * Ctrl+C for the long commands: the JVM's shutdown hook cancels the work cooperatively and waits (up to 15 s) for it to
 * finalise its run folder as "stopped", instead of dying mid-write.
 */
final class StopOnInterrupt {
    static final long GRACE_SECONDS = 15;

    private StopOnInterrupt() {
    }

    static <T> T run(CancellationToken cancel, Callable<T> work) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "collapse-lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.call();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already shutting down: the hook is waiting for us
            }
        }
    }
}
