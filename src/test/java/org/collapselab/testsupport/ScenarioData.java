package org.collapselab.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.ImageInfo;

/**
 * In-memory stand-ins for the sample datasets of the diagnostic scenarios (until the data branch's
 * generator and loader land): grayscale bars whose orientation is the class, with real per-image
 * brightness facts. Variants: imbalanced counts, no class signal (orientation independent of the
 * label), a brightness shortcut (each class has its own background level), and an inverted copy for
 * the preprocessing-mismatch scenario.
 */
public final class ScenarioData {
    public static final String[] CLASSES = {"horizontal", "vertical", "diagonal"};

    private ScenarioData() {
    }

    public enum Kind { BALANCED, IMBALANCED, NO_SIGNAL, BRIGHTNESS_SHORTCUT }

    public static ImageDataset of(Kind kind, int size, long seed) {
        return switch (kind) {
            case BALANCED -> generate(size, seed, false, false, 80, 80, 80);
            case IMBALANCED -> generate(size, seed, false, false, 200, 16, 16);
            case NO_SIGNAL -> generate(size, seed, true, false, 80, 80, 80);
            case BRIGHTNESS_SHORTCUT -> generate(size, seed, false, true, 80, 80, 80);
        };
    }

    static ImageDataset generate(int size, long seed, boolean noSignal, boolean brightness, int... perClass) {
        Random random = new Random(seed);
        int total = 0;
        for (int n : perClass) {
            total += n;
        }
        byte[] pixels = new byte[total * size * size];
        int[] labels = new int[total];
        List<Path> paths = new ArrayList<>();
        List<ImageInfo> infos = new ArrayList<>();
        int index = 0;
        for (int c = 0; c < perClass.length; c++) {
            for (int k = 0; k < perClass[c]; k++, index++) {
                labels[index] = c;
                int shape = noSignal ? random.nextInt(perClass.length) : c;
                int offset = random.nextInt(size / 2) + size / 4;
                // The shortcut variant gives each class its own background level; the bars stay the signal too.
                int background = brightness ? 20 + 70 * c : 0;
                double sum = 0;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        boolean on = switch (shape) {
                            case 0 -> Math.abs(y - offset) <= 1;
                            case 1 -> Math.abs(x - offset) <= 1;
                            default -> Math.abs(x - y - (offset - size / 2)) <= 1;
                        };
                        int value = on ? 200 + random.nextInt(55) : background + random.nextInt(50);
                        pixels[index * size * size + y * size + x] = (byte) value;
                        sum += value;
                    }
                }
                double mean = sum / (size * size);
                paths.add(Path.of(CLASSES[c], "img" + k + ".png"));
                infos.add(new ImageInfo(size, size, 1, "png", 100, mean, new double[]{mean, mean, mean}));
            }
        }
        List<String> classes = new ArrayList<>(List.of(CLASSES).subList(0, perClass.length));
        return new ImageDataset(Path.of("memory"), classes, size, 1, pixels, labels, paths, infos, List.of());
    }

    /**
     * The same images with every pixel multiplied by {@code factor}: a predict pipeline that scales or
     * exposes differently from training (e.g. divides by 255 twice, or reads 16-bit PNGs as 8-bit).
     */
    public static ImageDataset rescaled(ImageDataset data, double factor) {
        return map(data, v -> (int) Math.round(Math.min(255, v * factor)));
    }

    /** The same images with every pixel inverted (255 − v). */
    public static ImageDataset inverted(ImageDataset data) {
        return map(data, v -> 255 - v);
    }

    private static ImageDataset map(ImageDataset data, java.util.function.IntUnaryOperator f) {
        int bytes = data.imageBytes();
        byte[] pixels = new byte[data.count() * bytes];
        List<Path> paths = new ArrayList<>();
        List<ImageInfo> infos = new ArrayList<>();
        for (int i = 0; i < data.count(); i++) {
            data.copyPixels(i, pixels, i * bytes);
            double sum = 0;
            for (int p = 0; p < bytes; p++) {
                int v = f.applyAsInt(pixels[i * bytes + p] & 0xFF);
                pixels[i * bytes + p] = (byte) v;
                sum += v;
            }
            paths.add(data.path(i));
            ImageInfo info = data.info(i);
            double b = sum / bytes;
            infos.add(new ImageInfo(info.width(), info.height(), info.sourceChannels(), info.format(), info.fileBytes(), b,
                    new double[]{b, b, b}));
        }
        return new ImageDataset(data.root(), data.classes(), data.imageSize(), data.channels(), pixels, data.labels(),
                paths, infos, data.skipped());
    }
}
