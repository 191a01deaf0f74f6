package org.collapselab.core.explain;

/**
 * Where a model looks in one image: for every pixel, how much the model's evidence for {@code targetClass} drops when
 * a grey patch covers it (the mean drop over the patch positions that cover the pixel; negative where hiding the pixel
 * makes the class more likely). Evidence is the class's log-odds, ln(p / (1 − p)), in nats: it orders the patches as
 * the probability does, but a confident model's probability sits at 1.00 and barely moves (drops under 0.001 on a model
 * trained on the brightness-shortcut scenario, against 1 to 3 nats of log-odds). Row-major, {@code size × size}.
 * Immutable by convention.
 *
 * @param probability the target class's probability on the unoccluded image
 * @param patch       side of the grey patch in pixels
 * @param stride      step between patch positions in pixels
 */
public record OcclusionMap(int size, float[] drop, int targetClass, float probability, int patch, int stride) {
    public OcclusionMap {
        if (drop.length != size * size) {
            throw new IllegalArgumentException("drop holds " + drop.length + " values, expected " + size * size);
        }
    }

    public float at(int x, int y) {
        return drop[y * size + x];
    }

    /** The largest drop (0 when no patch lowers the probability). */
    public float maxDrop() {
        float max = 0;
        for (float d : drop) {
            max = Math.max(max, d);
        }
        return max;
    }

    /**
     * The share of the map's positive mass (the summed drops above zero) that lies on the pixels where
     * {@code mask} is true; NaN when no patch lowers the probability.
     */
    public double massShare(boolean[] mask) {
        if (mask.length != drop.length) {
            throw new IllegalArgumentException("mask holds " + mask.length + " pixels, expected " + drop.length);
        }
        double inside = 0;
        double total = 0;
        for (int i = 0; i < drop.length; i++) {
            double positive = Math.max(0, drop[i]);
            total += positive;
            inside += mask[i] ? positive : 0;
        }
        return total > 0 ? inside / total : Double.NaN;
    }

    /** The pixel-wise mean of maps of one size (their target class and patch are the first map's). */
    public static OcclusionMap mean(java.util.List<OcclusionMap> maps) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("no maps to average");
        }
        OcclusionMap first = maps.get(0);
        float[] sum = new float[first.drop.length];
        double probability = 0;
        for (OcclusionMap map : maps) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += map.drop[i] / maps.size();
            }
            probability += map.probability / maps.size();
        }
        return new OcclusionMap(first.size, sum, first.targetClass, (float) probability, first.patch, first.stride);
    }
}
