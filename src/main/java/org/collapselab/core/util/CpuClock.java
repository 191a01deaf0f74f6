package org.collapselab.core.util;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of the whole process (every thread, native OpenMP threads included), in nanoseconds. On a machine shared
 * with other work, wall time measures the neighbours as much as us; CPU time measures what a step cost. Thread-safe.
 */
public final class CpuClock {
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    private CpuClock() {
    }

    /** Process CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    public static long processNanos() {
        return OS instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** Seconds of process CPU time since {@code startNanos} (a {@link #processNanos()} reading); NaN when unknown. */
    public static double secondsSince(long startNanos) {
        long now = processNanos();
        return startNanos < 0 || now < 0 ? Double.NaN : (now - startNanos) / 1e9;
    }
}
