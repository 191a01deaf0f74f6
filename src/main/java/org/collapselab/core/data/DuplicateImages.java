package org.collapselab.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds images that are copies of one another, from the fingerprints the decoder took ({@link ImageHash}): exact
 * copies share the content hash (the same decoded pixels); near copies (resized, re-encoded, slightly re-coloured) have
 * perceptual hashes within {@value #NEAR_DISTANCE} bits and, at the training size, no block of an 8×8 grid whose mean
 * grey value differs by more than {@value #NEAR_BLOCK_DIFFERENCE} (0–255), which keeps distinct images with a similar
 * layout apart.
 *
 * <p>Each copy is matched to the first image of its group (its "original"), so n images cost n lookups, not n²
 * comparisons: exact copies through a hash map, near copies through multi-index hashing (Norouzi et al., "Fast search
 * in Hamming space with multi-index hashing", CVPR 2012): the 64 bits are cut into {@value #NEAR_DISTANCE}+1 bands, and
 * two hashes within {@value #NEAR_DISTANCE} bits agree exactly on at least one band (pigeonhole), so only images
 * sharing a band value are compared. Pure; not thread-safe.
 */
public final class DuplicateImages {
    /**
     * Largest Hamming distance between perceptual hashes of near copies. Measured on the bundled samples (shapes and
     * shapes-imbalanced, 20 images per class each copied three ways: resized to 0.5× and 2×, JPEG at 0.75×): 333 of
     * the 336 copies lie at 0–4 bits (3 at 8, 10 and 18). Distinct generated shapes can also lie this close, so a
     * second test on the pixels decides ({@link #NEAR_BLOCK_DIFFERENCE}).
     */
    public static final int NEAR_DISTANCE = 6;
    /**
     * Largest block-mean grey difference (0–255, {@link #largestBlockDifference}) between near copies at the
     * training size. Measured as above at 24 and 64 pixels: copies at most 5.5, distinct images within
     * {@link #NEAR_DISTANCE} bits at least 12.7; 8 sits in the gap.
     */
    public static final double NEAR_BLOCK_DIFFERENCE = 8;

    private static final int BANDS = NEAR_DISTANCE + 1;

    /** Image {@code copy} repeats image {@code original} (an earlier index); {@code exact} when the pixels are equal. */
    public record Match(int original, int copy, boolean exact, int distance) {
    }

    /**
     * Which images to leave out so that no copy remains: training keeps the first copy of each group it holds,
     * validation loses every image with a copy in training and keeps one of the others, and a group whose images carry
     * different labels goes entirely (no one can say which label is right). Indices as in {@code matches}.
     *
     * @param inTraining whether an image is in the training part
     * @param label      an image's label
     */
    public static boolean[] toLeaveOut(List<Match> matches, int total, java.util.function.IntPredicate inTraining,
                                       java.util.function.IntUnaryOperator label) {
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (Match match : matches) {
            groups.computeIfAbsent(match.original(), k -> new ArrayList<>(List.of(match.original()))).add(match.copy());
        }
        boolean[] leaveOut = new boolean[total];
        for (List<Integer> members : groups.values()) {
            boolean conflicting = members.stream().mapToInt(label::applyAsInt).distinct().count() > 1;
            Integer keptInTraining = null;
            Integer keptInValidation = null;
            for (int member : members) {
                if (conflicting) {
                    leaveOut[member] = true;
                } else if (inTraining.test(member)) {
                    leaveOut[member] = keptInTraining != null;
                    keptInTraining = keptInTraining == null ? member : keptInTraining;
                } else {
                    leaveOut[member] = keptInValidation != null;
                    keptInValidation = keptInValidation == null ? member : keptInValidation;
                }
            }
            if (!conflicting && keptInTraining != null && keptInValidation != null) {
                leaveOut[keptInValidation] = true;
            }
        }
        return leaveOut;
    }

    /** Whether two images, already close in perceptual hash, look alike pixel by pixel. */
    @FunctionalInterface
    public interface Similarity {
        boolean alike(int a, int b);
    }

    private DuplicateImages() {
    }

    /** Copies among all images of {@code data}, matched by index into {@code data}. */
    public static List<Match> find(ImageDataset data) {
        return find(data, null);
    }

    /**
     * Copies among the images of {@code data} and, when not null, a separate validation set, whose image {@code i}
     * has index {@code data.count() + i} in the matches.
     */
    public static List<Match> find(ImageDataset data, ImageDataset validationOrNull) {
        int n = data.count();
        int m = validationOrNull == null ? 0 : validationOrNull.count();
        ImageHash[] hashes = new ImageHash[n + m];
        for (int i = 0; i < n; i++) {
            hashes[i] = ImageHash.orCompute(data, i);
        }
        for (int i = 0; i < m; i++) {
            hashes[n + i] = ImageHash.orCompute(validationOrNull, i);
        }
        if (validationOrNull != null && validationOrNull.imageSize() != data.imageSize()) {
            return find(hashes, (a, b) -> largestBlockDifference(at(data, validationOrNull, a), index(n, a),
                    at(data, validationOrNull, b), index(n, b)) <= NEAR_BLOCK_DIFFERENCE);
        }
        // Block means computed once per image that becomes a candidate, not once per comparison.
        float[][] blocks = new float[n + m][];
        return find(hashes, (a, b) -> {
            float[] first = blocks[a] != null ? blocks[a]
                    : (blocks[a] = blockMeans(at(data, validationOrNull, a), index(n, a)));
            float[] second = blocks[b] != null ? blocks[b]
                    : (blocks[b] = blockMeans(at(data, validationOrNull, b), index(n, b)));
            for (int k = 0; k < first.length; k++) {
                if (Math.abs(first[k] - second[k]) > NEAR_BLOCK_DIFFERENCE) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Mean grey value (0–255) of each block of the 8×8 grid of {@link #largestBlockDifference}. */
    static float[] blockMeans(ImageDataset data, int index) {
        int size = data.imageSize();
        int block = Math.max(1, size / 8);
        int side = size / block;
        float[] means = new float[side * side];
        for (int by = 0; by < side; by++) {
            for (int bx = 0; bx < side; bx++) {
                long sum = 0;
                for (int y = by * block; y < (by + 1) * block; y++) {
                    for (int x = bx * block; x < (bx + 1) * block; x++) {
                        sum += grey(data, index, y, x);
                    }
                }
                means[by * side + bx] = (float) (sum / (3.0 * block * block));
            }
        }
        return means;
    }

    private static ImageDataset at(ImageDataset data, ImageDataset validation, int index) {
        return index < data.count() ? data : validation;
    }

    private static int index(int n, int index) {
        return index < n ? index : index - n;
    }

    /** The matching itself, on fingerprints; {@code similarity} confirms near candidates. */
    public static List<Match> find(ImageHash[] hashes, Similarity similarity) {
        List<Match> matches = new ArrayList<>();
        Map<Long, Integer> byContent = new HashMap<>(hashes.length * 2);
        List<Map<Integer, Originals>> bands = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            bands.add(new HashMap<>());
        }
        int[] seenBy = new int[hashes.length];
        Arrays.fill(seenBy, -1);
        for (int i = 0; i < hashes.length; i++) {
            Integer original = byContent.get(hashes[i].content());
            if (original != null) {
                matches.add(new Match(original, i, true, hashes[original].distance(hashes[i])));
                continue;
            }
            Match near = nearest(i, hashes, bands, seenBy, similarity);
            // Exact copies of a near copy join its original's group, so every match names its group's first image.
            byContent.put(hashes[i].content(), near != null ? near.original() : i);
            if (near != null) {
                matches.add(near);
                continue;
            }
            // Only originals are indexed: a copy's own copies match its original, so groups stay flat.
            for (int b = 0; b < BANDS; b++) {
                bands.get(b).computeIfAbsent(band(hashes[i].perceptual(), b), k -> new Originals()).add(i);
            }
        }
        return matches;
    }

    private static Match nearest(int i, ImageHash[] hashes, List<Map<Integer, Originals>> bands, int[] seenBy,
                                 Similarity similarity) {
        Match best = null;
        for (int b = 0; b < BANDS; b++) {
            Originals candidates = bands.get(b).get(band(hashes[i].perceptual(), b));
            if (candidates == null) {
                continue;
            }
            for (int j = 0; j < candidates.count; j++) {
                int c = candidates.indices[j];
                if (seenBy[c] == i) {
                    continue;
                }
                seenBy[c] = i;
                int distance = hashes[c].distance(hashes[i]);
                if (distance <= NEAR_DISTANCE && (best == null || distance < best.distance())
                        && similarity.alike(c, i)) {
                    best = new Match(c, i, false, distance);
                }
            }
        }
        return best;
    }

    /** Bits [b·64/BANDS, (b+1)·64/BANDS) of {@code hash}; each band has its own map. */
    private static int band(long hash, int b) {
        int from = b * 64 / BANDS;
        int to = (b + 1) * 64 / BANDS;
        return (int) ((hash >>> from) & ((1L << (to - from)) - 1));
    }

    /** The originals that share one band value: a growable int list. */
    private static final class Originals {
        int[] indices = new int[2];
        int count;

        void add(int index) {
            if (count == indices.length) {
                indices = Arrays.copyOf(indices, count * 2);
            }
            indices[count++] = index;
        }
    }

    /**
     * The largest difference of mean grey value (0–255) over the 8×8 grid of blocks of two images of the same size.
     * Block means average pixel noise away but keep a shape moved or resized by a few pixels, so copies stay low and
     * distinct images with a similar layout do not.
     */
    public static double largestBlockDifference(ImageDataset a, int i, ImageDataset b, int j) {
        int size = a.imageSize();
        if (b.imageSize() != size) {
            return Double.POSITIVE_INFINITY;
        }
        int block = Math.max(1, size / 8);
        double largest = 0;
        for (int by = 0; by + block <= size; by += block) {
            for (int bx = 0; bx + block <= size; bx += block) {
                long sum = 0;
                for (int y = by; y < by + block; y++) {
                    for (int x = bx; x < bx + block; x++) {
                        sum += grey(a, i, y, x) - grey(b, j, y, x);
                    }
                }
                largest = Math.max(largest, Math.abs(sum) / (3.0 * block * block));
            }
        }
        return largest;
    }

    /** Three times the grey value, to stay in integers. */
    private static int grey(ImageDataset data, int index, int y, int x) {
        if (data.channels() == 1) {
            return 3 * data.pixel(index, y, x, 0);
        }
        return data.pixel(index, y, x, 0) + data.pixel(index, y, x, 1) + data.pixel(index, y, x, 2);
    }
}
