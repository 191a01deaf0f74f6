package org.collapselab.core.util;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Which just-in-time compilers this JVM uses. Collapse Lab's launchers (the packaged app and the
 * README's commands) start it with {@value #RECOMMENDED_OPTION}, C1 only: on a two-core machine
 * C2's compiler thread took one core from image decoding at start-up and from oneDNN during the
 * first epochs, and its faster code never won that back (README, "Measured").
 */
public final class JitMode {
    public static final String RECOMMENDED_OPTION = "-XX:TieredStopAtLevel=1";

    /** What {@link #current()} says for a JVM started with {@link #RECOMMENDED_OPTION}. */
    public static final String C1_ONLY = "c1";
    /** The JVM's default: C1 first, then C2 for hot code. */
    public static final String TIERED = "tiered";

    private JitMode() {
    }

    /** {@code c1}, {@code tiered}, {@code c2} (tiered compilation off) or {@code unknown} (not HotSpot). */
    public static String current() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot == null) {
                return "unknown";
            }
            return describe(hotSpot.getVMOption("TieredCompilation").getValue(),
                    hotSpot.getVMOption("TieredStopAtLevel").getValue());
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    static String describe(String tieredCompilation, String tieredStopAtLevel) {
        if (!Boolean.parseBoolean(tieredCompilation)) {
            return "c2";
        }
        return Integer.parseInt(tieredStopAtLevel.trim()) < 4 ? C1_ONLY : TIERED;
    }
}
