package org.collapselab.core.data;

import java.util.List;
import java.util.Map;

/**
 * What the data screen and the data checks show about a loaded dataset. Brightness is 0–255.
 *
 * @param imbalanceRatio largest class count / smallest class count
 * @param labelEntropy   label entropy divided by ln(C): 1 for balanced classes, near 0 for one dominant class
 * @param sizes          "W×H" → number of source images of that size, most frequent first
 * @param sourceChannels source channel count (1 gray, 3 RGB, 4 RGBA…) → number of images
 * @param formats        file format (png, jpeg…) → number of images
 */
public record DatasetStatistics(List<String> classes, int[] counts, int total, double imbalanceRatio,
                                double labelEntropy, Map<String, Integer> sizes, Map<Integer, Integer> sourceChannels,
                                Map<String, Integer> formats, double[] meanBrightness, List<SkippedFile> skipped) {

    public static DatasetStatistics of(ImageDataset data) {
        throw new UnsupportedOperationException("TODO data helper");
    }
}
