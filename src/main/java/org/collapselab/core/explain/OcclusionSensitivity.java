package org.collapselab.core.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Split;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.CancellationToken;

/**
 * Occlusion sensitivity (Zeiler and Fergus 2014, "Visualizing and understanding convolutional networks", §4.2; the
 * method of MATLAB's {@code occlusionSensitivity}): slide a grey patch over the image and record how much the
 * class's evidence (its log-odds, see {@link OcclusionMap}) drops at each position. It only calls {@link TrainedModel#predictProbabilities}, so it works
 * on every engine. The patch is a quarter of the image side and moves by half a patch, so every map costs the same
 * 7 × 7 = 49 occluded copies plus the original, classified in one batch. Blocking; call from a worker thread, one at
 * a time per model.
 */
public final class OcclusionSensitivity {
    private OcclusionSensitivity() {
    }

    /** Side of the grey patch for an image of {@code imageSize} pixels: a quarter of the side, at least 1. */
    public static int patchSize(int imageSize) {
        return Math.max(1, Math.round(imageSize / 4f));
    }

    /** Step between patch positions: half a patch, at least 1. */
    public static int stride(int imageSize) {
        return Math.max(1, patchSize(imageSize) / 2);
    }

    /** The patch's top-left offsets along one side: every stride, plus the last position flush with the edge. */
    static int[] offsets(int imageSize) {
        int patch = patchSize(imageSize);
        int stride = stride(imageSize);
        List<Integer> offsets = new ArrayList<>();
        for (int o = 0; o + patch <= imageSize; o += stride) {
            offsets.add(o);
        }
        if (offsets.get(offsets.size() - 1) + patch < imageSize) {
            offsets.add(imageSize - patch);
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The grey the patch is filled with: the model's training pixel mean per channel (what the network saw as
     * average), else mid-grey.
     */
    public static byte[] grey(TrainedModel model, int channels) {
        InputFingerprint training = model.trainingFingerprint();
        byte[] fill = new byte[channels];
        for (int c = 0; c < channels; c++) {
            double mean = training != null && c < training.mean().length ? training.mean()[c] : 128;
            fill[c] = (byte) Math.max(0, Math.min(255, Math.round(mean)));
        }
        return fill;
    }

    /**
     * The occlusion map of image {@code index} of {@code images} for {@code targetClass}, or for the class the model
     * predicts on the unoccluded image when it is negative.
     */
    public static OcclusionMap of(TrainedModel model, ImageDataset images, int index, int targetClass) {
        int size = images.imageSize();
        int channels = images.channels();
        int[] offsets = offsets(size);
        int patch = patchSize(size);
        int positions = offsets.length * offsets.length;
        int bytes = images.imageBytes();
        byte[] original = new byte[bytes];
        images.copyPixels(index, original, 0);
        byte[] fill = grey(model, channels);
        byte[] batch = new byte[(positions + 1) * bytes];
        System.arraycopy(original, 0, batch, 0, bytes);
        int k = 1;
        for (int oy : offsets) {
            for (int ox : offsets) {
                int base = k * bytes;
                System.arraycopy(original, 0, batch, base, bytes);
                for (int y = oy; y < oy + patch; y++) {
                    for (int x = ox; x < ox + patch; x++) {
                        for (int c = 0; c < channels; c++) {
                            batch[base + (y * size + x) * channels + c] = fill[c];
                        }
                    }
                }
                k++;
            }
        }
        int n = positions + 1;
        ImageDataset occluded = new ImageDataset(images.root(), images.classes(), size, channels, batch, new int[n],
                Collections.nCopies(n, images.path(index)), Collections.nCopies(n, images.info(index)), List.of());
        float[][] probabilities = model.predictProbabilities(new DataView(occluded, Split.all(n).train()));
        int target = targetClass >= 0 ? targetClass : argmax(probabilities[0]);
        float base = probabilities[0][target];
        double[] sum = new double[size * size];
        int[] covered = new int[size * size];
        k = 1;
        for (int oy : offsets) {
            for (int ox : offsets) {
                float drop = (float) (logOdds(probabilities[0], target) - logOdds(probabilities[k], target));
                for (int y = oy; y < oy + patch; y++) {
                    for (int x = ox; x < ox + patch; x++) {
                        sum[y * size + x] += drop;
                        covered[y * size + x]++;
                    }
                }
                k++;
            }
        }
        float[] map = new float[size * size];
        for (int i = 0; i < map.length; i++) {
            map[i] = covered[i] == 0 ? 0 : (float) (sum[i] / covered[i]);
        }
        return new OcclusionMap(size, map, target, base, patch, stride(size));
    }

    /**
     * Where the model looks for each class: per class, the mean occlusion map (for that class) over up to
     * {@code perClass} images of the view labelled with it, taken in view order; null for a class without images.
     */
    public static OcclusionMap[] perClass(TrainedModel model, DataView view, int perClass, CancellationToken cancel) {
        ImageDataset data = view.dataset();
        List<List<OcclusionMap>> maps = new ArrayList<>();
        for (int c = 0; c < data.classCount(); c++) {
            maps.add(new ArrayList<>());
        }
        for (int i = 0; i < view.count(); i++) {
            cancel.throwIfCancelled();
            int label = view.label(i);
            if (maps.get(label).size() < perClass) {
                maps.get(label).add(of(model, data, view.indices()[i], label));
            }
        }
        OcclusionMap[] result = new OcclusionMap[data.classCount()];
        for (int c = 0; c < result.length; c++) {
            result[c] = maps.get(c).isEmpty() ? null : OcclusionMap.mean(maps.get(c));
        }
        return result;
    }

    /** ln(p / (1 − p)), with 1 − p summed from the other classes so that it keeps its precision near p = 1. */
    static double logOdds(float[] p, int target) {
        double others = 0;
        for (int c = 0; c < p.length; c++) {
            others += c == target ? 0 : p[c];
        }
        return Math.log(Math.max(1e-30, p[target])) - Math.log(Math.max(1e-30, others));
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
