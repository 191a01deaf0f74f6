package org.collapselab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.samples.DuplicatePlanter;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateImagesTest {
    @TempDir
    Path dir;

    private static ImageDataset load(Path root) throws DataException {
        return new DatasetLoader().load(root, 24, 1, ProgressObserver.NONE, CancellationToken.none());
    }

    /** The planted copy's file name with its suffix removed, in its original's class folder. */
    private static String originalOf(ImageDataset data, int copy) {
        String name = data.path(copy).getFileName().toString().replaceFirst("-(copy|large)\\.png$|-misfiled\\.jpg$", ".png");
        return name.substring(0, name.indexOf('-')) + "/" + name;
    }

    private static boolean planted(ImageDataset data, int index) {
        return data.path(index).getFileName().toString().matches(".*-(copy|large|misfiled)\\..*");
    }

    private static String nameOf(ImageDataset data, int index) {
        return data.path(index).getParent().getFileName() + "/" + data.path(index).getFileName();
    }

    @Test
    void findsEveryPlantedCopyOnceAndNothingAmongTheOriginals() throws Exception {
        ShapesGenerator.generate(dir, ShapesGenerator.Options.balanced(30, 32, 7));
        assertEquals(List.of(), DuplicateImages.find(load(dir)), "distinct generated shapes are not copies");

        DuplicatePlanter.Planted planted = DuplicatePlanter.plant(dir, 2, 2, 1);
        ImageDataset data = load(dir);
        List<DuplicateImages.Match> matches = DuplicateImages.find(data);

        assertEquals(planted.total(), matches.size(), matches.toString());
        assertEquals(planted.exact(), matches.stream().filter(DuplicateImages.Match::exact).count());
        for (DuplicateImages.Match m : matches) {
            // Name order may put a planted copy first ("circle-000-copy.png" < "circle-000.png").
            int copyIndex = planted(data, m.copy()) ? m.copy() : m.original();
            int other = copyIndex == m.copy() ? m.original() : m.copy();
            assertEquals(originalOf(data, copyIndex), nameOf(data, other), "matched to its own original: " + m);
            assertTrue(m.distance() <= DuplicateImages.NEAR_DISTANCE, m.toString());
        }
    }

    @Test
    void aNearCopyNeedsBothACloseHashAndAlikePixels() {
        ImageHash first = new ImageHash(1, 0L);
        ImageHash within = new ImageHash(2, (1L << DuplicateImages.NEAR_DISTANCE) - 1); // NEAR_DISTANCE bits apart
        ImageHash beyond = new ImageHash(3, (1L << (DuplicateImages.NEAR_DISTANCE + 1)) - 1);

        assertEquals(1, DuplicateImages.find(new ImageHash[]{first, within}, (a, b) -> true).size());
        assertEquals(0, DuplicateImages.find(new ImageHash[]{first, within}, (a, b) -> false).size(),
                "close hashes but different pixels");
        assertEquals(0, DuplicateImages.find(new ImageHash[]{first, beyond}, (a, b) -> true).size(),
                "one bit beyond the threshold");
        List<DuplicateImages.Match> exact = DuplicateImages.find(
                new ImageHash[]{first, new ImageHash(1, 0x5555L)}, (a, b) -> false);
        assertEquals(List.of(new DuplicateImages.Match(0, 1, true, 8)), exact, "same content hash: exact, no pixel test");
    }

    @Test
    void exactCopiesOfANearCopyJoinTheFirstImagesGroup() {
        ImageHash original = new ImageHash(1, 0L);
        ImageHash near = new ImageHash(2, 1L);
        ImageHash copyOfNear = new ImageHash(2, 1L);
        List<DuplicateImages.Match> matches = DuplicateImages.find(new ImageHash[]{original, near, copyOfNear},
                (a, b) -> true);
        assertEquals(List.of(0, 0), matches.stream().map(DuplicateImages.Match::original).toList());
    }

    @Test
    void leavingCopiesOutKeepsOneInTrainingAndTakesTrainingCopiesOutOfValidation() {
        // 0,1,2 one group (0, 1 in training, 2 in validation); 3,4 a group in validation only; 5,6 a group with two labels.
        List<DuplicateImages.Match> matches = List.of(new DuplicateImages.Match(0, 1, true, 0),
                new DuplicateImages.Match(0, 2, false, 2), new DuplicateImages.Match(3, 4, true, 0),
                new DuplicateImages.Match(5, 6, true, 0));
        boolean[] training = {true, true, false, false, false, true, true, true};
        int[] labels = {0, 0, 0, 1, 1, 0, 1, 1};
        boolean[] out = DuplicateImages.toLeaveOut(matches, 8, i -> training[i], i -> labels[i]);
        assertArrayEquals(new boolean[]{false, true, true, false, true, true, true, false}, out);
    }

    @Test
    void dropDuplicatesTakesTheCopiesOutOfTheSplit() throws Exception {
        ShapesGenerator.generate(dir, ShapesGenerator.Options.balanced(30, 32, 7));
        DuplicatePlanter.plant(dir, 2, 2, 1);
        ImageDataset data = load(dir);
        var config = org.collapselab.core.model.ConfigCodec.defaults().data();
        TrainingViews all = TrainingViews.of(config, data, null);
        TrainingViews without = TrainingViews.of(config.withDropDuplicates(true), data, null);

        int before = all.train().count() + all.validation().count();
        int after = without.train().count() + without.validation().count();
        // 6 exact and 6 resized copies leave (one of each pair stays), the 3 misfiled pairs leave whole.
        assertEquals(data.count() - 12 - 6, after, "before: " + before);
        assertEquals(List.of(), DuplicateImages.find(data.subset(concat(without))), "no copy left");
    }

    private static int[] concat(TrainingViews views) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(views.train().indices()),
                java.util.Arrays.stream(views.validation().indices())).sorted().toArray();
    }
}
