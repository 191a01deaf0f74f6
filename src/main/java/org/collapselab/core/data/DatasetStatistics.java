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

    /**
     * The source images in words, for people: "600 images in 3 classes: all 64×64 pixels, all colour (RGB), all PNG
     * files", or with mixed sources "64×64 pixels (500 images), 32×32 (100)", "450 colour (RGB), 150 grey".
     */
    public String describeSources() {
        return plural(total, "image") + " in " + plural(classes.size(), "class") + ": " + describeSizes() + ", "
                + describeChannels() + ", " + describeFormats();
    }

    private String describeSizes() {
        if (sizes.size() == 1) {
            return "all " + sizes.keySet().iterator().next() + " pixels";
        }
        List<Map.Entry<String, Integer>> bySize = List.copyOf(sizes.entrySet());
        StringBuilder text = new StringBuilder();
        int shown = Math.min(3, bySize.size());
        for (int i = 0; i < shown; i++) {
            Map.Entry<String, Integer> size = bySize.get(i);
            text.append(i == 0 ? "" : ", ").append(size.getKey()).append(i == 0 ? " pixels (" + plural(size.getValue(), "image") + ")"
                    : " (" + size.getValue() + ")");
        }
        if (bySize.size() > shown) {
            int rest = bySize.subList(shown, bySize.size()).stream().mapToInt(Map.Entry::getValue).sum();
            text.append(" and ").append(bySize.size() - shown).append(" other sizes (").append(rest).append(")");
        }
        return text.toString();
    }

    private String describeChannels() {
        if (sourceChannels.size() == 1) {
            return "all " + channelWords(sourceChannels.keySet().iterator().next());
        }
        return sourceChannels.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(e -> e.getValue() + " " + channelWords(e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private String describeFormats() {
        if (formats.size() == 1) {
            return "all " + formats.keySet().iterator().next().toUpperCase(java.util.Locale.ROOT) + " files";
        }
        return formats.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(e -> e.getValue() + " " + e.getKey().toUpperCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", ")) + " files";
    }

    /** What a source channel count means: 1 grey, 2 grey with transparency, 3 colour, 4 colour with transparency. */
    static String channelWords(int channels) {
        return switch (channels) {
            case 1 -> "grey";
            case 2 -> "grey with transparency";
            case 3 -> "colour (RGB)";
            case 4 -> "colour with transparency (RGBA)";
            default -> channels + "-channel";
        };
    }

    private static String plural(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }

    /** The class balance and its verdict, the same one the class-imbalance check uses. */
    public ClassBalance balance() {
        return ClassBalance.of(counts);
    }
}
