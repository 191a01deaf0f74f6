package org.collapselab.core.experiment.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.ImageInfo;

/**
 * A decoded dataset as it travels to Spark executors: the uint8 tensors, the labels and the class names, nothing that
 * points back to the user's folder. The driver decodes once; executors rebuild an {@link ImageDataset} from it.
 */
public final class BroadcastDataset implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * Largest dataset we broadcast. Spark keeps a broadcast in the driver's memory and in each executor's block manager,
     * and the executors here also hold the decoded copy they train on, so the limit stays well inside Spark's default
     * 1 GiB executor memory; 100,000 images of 32×32×3 (about 300 MB) fit.
     */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private final String root;
    private final List<String> classes;
    private final int size;
    private final int channels;
    private final byte[] pixels;
    private final int[] labels;

    private BroadcastDataset(String root, List<String> classes, int size, int channels, byte[] pixels, int[] labels) {
        this.root = root;
        this.classes = List.copyOf(classes);
        this.size = size;
        this.channels = channels;
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * @throws IllegalArgumentException when the tensors are larger than {@link #MAX_BYTES}, with both sizes
     */
    public static BroadcastDataset of(ImageDataset data) {
        return of(data, MAX_BYTES);
    }

    static BroadcastDataset of(ImageDataset data, long maxBytes) {
        long bytes = (long) data.count() * data.imageBytes();
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the decoded dataset is %.0f MB, more than the %.0f MB a sweep broadcasts to Spark executors; "
                            + "use a smaller data.imageSize or fewer images", bytes / 1e6, maxBytes / 1e6));
        }
        byte[] pixels = new byte[(int) bytes];
        for (int i = 0; i < data.count(); i++) {
            data.copyPixels(i, pixels, i * data.imageBytes());
        }
        return new BroadcastDataset(String.valueOf(data.root()), data.classes(), data.imageSize(), data.channels(),
                pixels, data.labels());
    }

    public long bytes() {
        return pixels.length;
    }

    /** The dataset again, with placeholder file facts (executors train; they do not inspect files). */
    public ImageDataset toDataset() {
        int n = labels.length;
        List<Path> paths = new ArrayList<>(n);
        List<ImageInfo> infos = new ArrayList<>(n);
        ImageInfo unknown = new ImageInfo(size, size, channels, "broadcast", 0, Double.NaN, new double[3]);
        for (int i = 0; i < n; i++) {
            paths.add(Path.of("image-" + i));
            infos.add(unknown);
        }
        return new ImageDataset(Path.of(root), classes, size, channels, pixels, labels, paths, infos, List.of());
    }
}
