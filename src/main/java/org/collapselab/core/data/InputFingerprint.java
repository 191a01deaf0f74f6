package org.collapselab.core.data;

/**
 * Per-channel mean and standard deviation (0–255) of the decoded pixels a model saw. Comparing the
 * fingerprints of training, validation and prediction inputs reveals preprocessing or distribution
 * mismatches (inverted, re-scaled or differently lit images). Immutable.
 */
public record InputFingerprint(int imageSize, int channels, double[] mean, double[] std, int images) {

    public static InputFingerprint of(DataView view) {
        ImageDataset data = view.dataset();
        int channels = data.channels();
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        int plane = data.imageSize() * data.imageSize();
        byte[] raw = data.rawPixels();
        for (int index : view.indices()) {
            int base = index * data.imageBytes();
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < channels; c++) {
                    double v = raw[base + p * channels + c] & 0xFF;
                    sum[c] += v;
                    sumSq[c] += v * v;
                }
            }
        }
        double n = Math.max(1, (double) view.count() * plane);
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / n;
            std[c] = Math.sqrt(Math.max(0, sumSq[c] / n - mean[c] * mean[c]));
        }
        return new InputFingerprint(data.imageSize(), channels, mean, std, view.count());
    }

    /**
     * The largest per-channel shift of the mean, in units of this fingerprint's standard deviation,
     * or of the spread ratio (|log(std'/std)| scaled the same way), whichever is larger.
     */
    public double shiftFrom(InputFingerprint reference) {
        double worst = 0;
        for (int c = 0; c < Math.min(channels, reference.channels); c++) {
            double scale = Math.max(1.0, reference.std[c]);
            worst = Math.max(worst, Math.abs(mean[c] - reference.mean[c]) / scale);
            double ratio = Math.max(1.0, std[c]) / Math.max(1.0, reference.std[c]);
            worst = Math.max(worst, Math.abs(Math.log(ratio)));
        }
        return worst;
    }
}
