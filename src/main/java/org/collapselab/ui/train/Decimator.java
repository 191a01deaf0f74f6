package org.collapselab.ui.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a long series to at most {@code 2 × buckets} points by keeping each bucket's minimum and
 * maximum, so spikes stay visible while charts stay fast past 10,000 iterations. Pure.
 */
final class Decimator {
    private Decimator() {
    }

    /** @return pairs (x, y) as a flat list of double[2] */
    static List<double[]> minMax(double[] xs, double[] ys, int count, int buckets) {
        List<double[]> out = new ArrayList<>();
        if (count <= 2 * buckets) {
            for (int i = 0; i < count; i++) {
                if (Double.isFinite(ys[i])) {
                    out.add(new double[]{xs[i], ys[i]});
                }
            }
            return out;
        }
        double per = (double) count / buckets;
        for (int b = 0; b < buckets; b++) {
            int from = (int) (b * per);
            int to = (int) Math.min(count, (b + 1) * per);
            int min = -1;
            int max = -1;
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(ys[i])) {
                    continue;
                }
                if (min < 0 || ys[i] < ys[min]) {
                    min = i;
                }
                if (max < 0 || ys[i] > ys[max]) {
                    max = i;
                }
            }
            if (min < 0) {
                continue;
            }
            int first = Math.min(min, max);
            int second = Math.max(min, max);
            out.add(new double[]{xs[first], ys[first]});
            if (second != first) {
                out.add(new double[]{xs[second], ys[second]});
            }
        }
        return out;
    }
}
