package org.collapselab.core.data;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
        int[] counts = data.classCounts();
        int total = data.count();
        ClassBalance balance = ClassBalance.of(counts);
        Map<String, Integer> sizes = new TreeMap<>();
        Map<Integer, Integer> channels = new TreeMap<>();
        Map<String, Integer> formats = new TreeMap<>();
        double[] brightness = new double[counts.length];
        for (int i = 0; i < total; i++) {
            ImageInfo info = data.info(i);
            sizes.merge(info.width() + "×" + info.height(), 1, Integer::sum);
            channels.merge(info.sourceChannels(), 1, Integer::sum);
            formats.merge(info.format(), 1, Integer::sum);
            brightness[data.label(i)] += info.brightness();
        }
        for (int c = 0; c < counts.length; c++) {
            brightness[c] = counts[c] == 0 ? Double.NaN : brightness[c] / counts[c];
        }
        Map<String, Integer> bySize = sizes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new DatasetStatistics(data.classes(), counts, total, balance.ratio(), balance.entropy(), bySize, channels, formats,
                brightness, data.skipped());
    }

    /** The class balance and its verdict, the same one the class-imbalance check uses. */
    public ClassBalance balance() {
        return ClassBalance.of(counts);
    }
}
