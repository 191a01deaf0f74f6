package org.collapselab.ui.common;

import javafx.scene.chart.NumberAxis;

/**
 * A fixed number axis over round ticks (1, 2 or 5 × 10^k). JavaFX's auto-ranging packs ticks so tightly
 * on a narrow chart that labels run together ("100110120130"), and stretches a single point to
 * 0.9900–1.0100; a fixed range with at most a handful of ticks avoids both.
 */
public final class NiceAxis {
    private NiceAxis() {
    }

    /** Lower bound, upper bound and tick unit covering [min, max] with at most {@code maxTicks} intervals. */
    public static double[] range(double min, double max, int maxTicks, boolean integers) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new double[]{0, 1, integers ? 1 : 0.2};
        }
        if (max - min < 1e-9) {
            // One point: a unit-wide range around it, not a sliver.
            double half = integers ? 1 : Math.max(Math.abs(min) * 0.5, 0.5);
            min -= half;
            max += half;
            if (integers && min < 0 && max - half >= 0) {
                min = 0;
            }
        }
        double raw = (max - min) / Math.max(1, maxTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double unit = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        if (integers) {
            unit = Math.max(1, Math.round(unit));
        }
        double lower = Math.floor(min / unit + 1e-9) * unit;
        double upper = Math.ceil(max / unit - 1e-9) * unit;
        if (upper <= lower) {
            upper = lower + unit;
        }
        return new double[]{lower, upper, unit};
    }

    /** Fixes {@code axis} to {@link #range}. */
    public static void apply(NumberAxis axis, double min, double max, int maxTicks, boolean integers) {
        double[] r = range(min, max, maxTicks, integers);
        axis.setAutoRanging(false);
        axis.setLowerBound(r[0]);
        axis.setUpperBound(r[1]);
        axis.setTickUnit(r[2]);
        axis.setMinorTickVisible(false);
    }
}
