package org.collapselab.core.util;

import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a training run's resident memory bounded. ND4J frees the native buffers of a minibatch's
 * activations and gradients only when their small Java wrappers are garbage-collected, and with the
 * default heap (a quarter of RAM) the collector runs rarely: the 64×64×3 bench grew to 1.9 GB.
 * This asks for a collection whenever the process's resident size rises more than a headroom above
 * what it was when the run started — the same remedy as JavaCPP's {@code maxPhysicalBytes}, without
 * its OutOfMemoryError when a large dataset alone exceeds a fixed limit.
 *
 * <p>Freed buffers mostly stay resident in the allocator's pools, ready for reuse, so the resident
 * size can stay above the limit after a collection. Collections are therefore spaced by
 * {@value #SPACING} times what the last one took, which keeps them under a tenth of the run. Without
 * that, a 10-epoch 64×64×3 {@code train} collected before nearly every minibatch from its seventh
 * epoch on (12–15 full collections of 25 ms a second; 230–310 in the run, 53–57 s of epochs); with
 * it 49–76 collections, 43–48 s, and the same peak resident size (1.64–1.68 GB). Spacing by 20
 * gave 1.66–1.97 GB. One thread only.
 */
public final class NativeMemoryGuard {
    /** Room for one epoch's live arrays of a mid-sized CNN plus the garbage between collections. */
    public static final long DEFAULT_HEADROOM = 700L << 20;
    /** Below this resident size no collection is forced: each one costs a full GC (25–45 ms here). */
    public static final long FLOOR = 1200L << 20;
    /** Time between forced collections, as a multiple of the last one's duration. */
    static final int SPACING = 10;

    private final long limit;
    private final LongSupplier residentBytes;
    private final Runnable collect;
    private final LongSupplier nanoTime;
    private long collections;
    private long nextAllowed;

    NativeMemoryGuard(long limit, LongSupplier residentBytes, Runnable collect, LongSupplier nanoTime) {
        this.limit = limit;
        this.residentBytes = residentBytes;
        this.collect = collect;
        this.nanoTime = nanoTime;
    }

    /** A guard that allows {@code headroomBytes} above the current resident size, and at least {@link #FLOOR}. */
    public static NativeMemoryGuard startingNow(long headroomBytes) {
        return new NativeMemoryGuard(Math.max(FLOOR, Pointer.physicalBytes() + headroomBytes), Pointer::physicalBytes,
                System::gc, System::nanoTime);
    }

    /** Call between minibatches: collects garbage when resident memory is above the limit and a collection is due. */
    public void check() {
        if (residentBytes.getAsLong() <= limit) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (collections > 0 && now - nextAllowed < 0) {
            return;
        }
        collect.run();
        long end = nanoTime.getAsLong();
        collections++;
        nextAllowed = end + SPACING * (end - now);
    }

    public long collections() {
        return collections;
    }
}
