package org.collapselab.core.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.ImageInfo;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.data.Split;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.CancellationToken;
import org.junit.jupiter.api.Test;

/** The occlusion arithmetic against a stand-in model whose answer depends on known pixels. */
class OcclusionSensitivityTest {

    @Test
    void patchIsAQuarterOfTheSideAndPositionsCoverTheImageEdgeToEdge() {
        assertEquals(6, OcclusionSensitivity.patchSize(24));
        assertEquals(3, OcclusionSensitivity.stride(24));
        assertArrayEquals(new int[]{0, 3, 6, 9, 12, 15, 18}, OcclusionSensitivity.offsets(24));
        assertEquals(16, OcclusionSensitivity.patchSize(64));
        assertArrayEquals(new int[]{0, 8, 16, 24, 32, 40, 48}, OcclusionSensitivity.offsets(64));
        // 10 px: patch 3, stride 1 would give 8 positions; the last one sits flush with the edge.
        int[] offsets = OcclusionSensitivity.offsets(10);
        assertEquals(10 - OcclusionSensitivity.patchSize(10), offsets[offsets.length - 1]);
    }

    @Test
    void theMapIsHighWhereTheModelLooksAndZeroElsewhere() {
        int size = 16;
        // The stand-in believes class 1 in proportion to the brightness of the top-left 4 × 4 corner.
        TopLeftModel model = new TopLeftModel(size);
        ImageDataset image = uniform(size, (byte) 250);
        OcclusionMap map = OcclusionSensitivity.of(model, image, 0, -1);
        assertEquals(1, map.targetClass());
        assertTrue(map.at(1, 1) > 0.2, "occluding the corner the model reads lowers its belief: " + map.at(1, 1));
        assertEquals(0, map.at(12, 12), 1e-6, "the far corner does not matter to it");
        boolean[] corner = new boolean[size * size];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                corner[y * size + x] = true;
            }
        }
        assertEquals(1.0, map.massShare(corner), 1e-6);
        assertEquals(50, model.imagesSeen, "one batch: 7 × 7 occluded copies and the original");
    }

    @Test
    void perClassMapsAverageTheImagesOfEachClass() {
        int size = 16;
        TopLeftModel model = new TopLeftModel(size);
        ImageDataset two = uniform(size, (byte) 250);
        OcclusionMap[] maps = OcclusionSensitivity.perClass(model, new DataView(two, Split.all(1).train()), 3,
                CancellationToken.none());
        assertEquals(2, maps.length);
        assertTrue(maps[0].at(1, 1) < 0, "hiding the corner makes class 0 more likely");
        assertEquals(null, maps[1], "no image of class 1");
    }

    private static ImageDataset uniform(int size, byte value) {
        byte[] pixels = new byte[size * size];
        java.util.Arrays.fill(pixels, value);
        ImageInfo info = new ImageInfo(size, size, 1, "png", 1, 250, new double[]{250, 250, 250});
        return new ImageDataset(Path.of("memory"), List.of("dark", "bright"), size, 1, pixels, new int[]{0},
                List.of(Path.of("a.png")), List.of(info), List.of());
    }

    /** P(bright) = mean of the top-left 4 × 4 pixels / 255; the training grey is 0. */
    private static final class TopLeftModel implements TrainedModel {
        private final int size;
        int imagesSeen;

        TopLeftModel(int size) {
            this.size = size;
        }

        @Override
        public float[][] predictProbabilities(DataView view) {
            float[][] rows = new float[view.count()][];
            for (int i = 0; i < view.count(); i++) {
                double sum = 0;
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        sum += view.dataset().pixel(view.indices()[i], y, x, 0);
                    }
                }
                float bright = (float) (sum / 16 / 255);
                rows[i] = new float[]{1 - bright, bright};
            }
            imagesSeen += view.count();
            return rows;
        }

        @Override
        public InputFingerprint trainingFingerprint() {
            return new InputFingerprint(size, 1, new double[]{0}, new double[]{1}, 1);
        }

        @Override
        public ExperimentConfig config() {
            return ConfigCodec.defaults();
        }

        @Override
        public List<String> classes() {
            return List.of("dark", "bright");
        }

        @Override
        public Normalizer normalizer() {
            return null;
        }

        @Override
        public double loss(DataView view) {
            return 0;
        }

        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public void save(Path zip) {
            throw new UnsupportedOperationException();
        }
    }

}
