package org.collapselab.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.ImageInfo;

/** Builds tiny in-memory datasets without touching the disk: class c draws a bar in its own orientation. */
public final class InMemoryData {
    private InMemoryData() {
    }

    /**
     * @param perClass images per class (its length is the class count, at most 4)
     */
    public static ImageDataset bars(int size, int channels, long seed, int... perClass) {
        Random random = new Random(seed);
        int total = 0;
        for (int n : perClass) {
            total += n;
        }
        byte[] pixels = new byte[total * size * size * channels];
        int[] labels = new int[total];
        List<Path> paths = new ArrayList<>();
        List<ImageInfo> infos = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            classes.add(new String[]{"horizontal", "vertical", "diagonal", "cross"}[c]);
        }
        int index = 0;
        for (int c = 0; c < perClass.length; c++) {
            for (int k = 0; k < perClass[c]; k++, index++) {
                labels[index] = c;
                int offset = random.nextInt(size / 2) + size / 4;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        boolean on = switch (c) {
                            case 0 -> Math.abs(y - offset) <= 1;
                            case 1 -> Math.abs(x - offset) <= 1;
                            case 2 -> Math.abs(x - y) <= 1;
                            default -> Math.abs(x + y - size) <= 1;
                        };
                        int value = on ? 200 + random.nextInt(55) : random.nextInt(60);
                        for (int ch = 0; ch < channels; ch++) {
                            pixels[((index * size + y) * size + x) * channels + ch] = (byte) value;
                        }
                    }
                }
                paths.add(Path.of(classes.get(c), "img" + k + ".png"));
                infos.add(new ImageInfo(size, size, channels, "png", 100, 50, new double[]{50, 50, 50}));
            }
        }
        return new ImageDataset(Path.of("memory"), classes, size, channels, pixels, labels, paths, infos, List.of());
    }
}
