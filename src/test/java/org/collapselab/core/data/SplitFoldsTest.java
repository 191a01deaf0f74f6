package org.collapselab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitFoldsTest {
    private static final int[] LABELS = labels(6, 6, 6);

    private static int[] labels(int... perClass) {
        return java.util.stream.IntStream.range(0, perClass.length)
                .flatMap(c -> java.util.stream.IntStream.generate(() -> c).limit(perClass[c])).toArray();
    }

    @Test
    void everyImageIsValidatedExactlyOnceAndEachFoldHoldsEveryClass() {
        List<Split> folds = Split.folds(LABELS, 3, 3, 42);
        assertEquals(3, folds.size());
        int[] validated = new int[LABELS.length];
        for (Split fold : folds) {
            assertEquals(LABELS.length, fold.train().length + fold.validation().length);
            int[] perClass = new int[3];
            for (int i : fold.validation()) {
                validated[i]++;
                perClass[LABELS[i]]++;
            }
            assertTrue(Arrays.stream(fold.train()).noneMatch(i -> Arrays.stream(fold.validation()).anyMatch(v -> v == i)));
            assertEquals(List.of(2, 2, 2), Arrays.stream(perClass).boxed().toList(), fold.toString());
        }
        assertTrue(Arrays.stream(validated).allMatch(n -> n == 1), Arrays.toString(validated));
    }

    @Test
    void foldsAreSeeded() {
        assertEquals(Split.folds(LABELS, 3, 3, 42), Split.folds(LABELS, 3, 3, 42));
        assertTrue(!Split.folds(LABELS, 3, 3, 42).equals(Split.folds(LABELS, 3, 3, 7)));
    }

    @Test
    void oneFoldIsNoCrossValidation() {
        assertThrows(IllegalArgumentException.class, () -> Split.folds(LABELS, 3, 1, 42));
    }
}
