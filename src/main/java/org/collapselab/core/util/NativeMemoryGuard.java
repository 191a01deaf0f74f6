package org.collapselab.core.util;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a training run's resident memory bounded. ND4J frees the native buffers of a minibatch's
 * activations and gradients only when their small Java wrappers are garbage-collected, and with the
 * default heap (a quarter of RAM) the collector runs rarely: the 64×64×3 bench grew to 1.9 GB.
 * This asks for a collection whenever the process's resident size rises more than a headroom above
 * what it was when the run started — the same remedy as JavaCPP's {@code maxPhysicalBytes}, without
 * its OutOfMemoryError when a large dataset alone exceeds a fixed limit. One thread only.
 */
public final class NativeMemoryGuard {
    /** Room for one epoch's live arrays of a mid-sized CNN plus the garbage between collections. */
    public static final long DEFAULT_HEADROOM = 700L << 20;
    /** Below this resident size no collection is forced: each one costs a full GC (25–45 ms here). */
    public static final long FLOOR = 1200L << 20;

    private final long limit;
    private long collections;

    private NativeMemoryGuard(long limit) {
        this.limit = limit;
    }

    /** A guard that allows {@code headroomBytes} above the current resident size, and at least {@link #FLOOR}. */
    public static NativeMemoryGuard startingNow(long headroomBytes) {
        return new NativeMemoryGuard(Math.max(FLOOR, Pointer.physicalBytes() + headroomBytes));
    }

    /** Call between minibatches: collects garbage when resident memory is above the limit. */
    public void check() {
        if (Pointer.physicalBytes() > limit) {
            System.gc();
            collections++;
        }
    }

    public long collections() {
        return collections;
    }
}
