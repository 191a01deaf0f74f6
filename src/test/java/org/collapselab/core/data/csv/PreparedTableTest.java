package org.collapselab.core.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedTableTest {
    @TempDir
    Path dir;

    /** 20 rows per class with an empty cell every fifth row; {@code validationValue} replaces x in validation rows. */
    private TableDataset load(String name, float validationValue, int[] validationRows) throws Exception {
        StringBuilder csv = new StringBuilder("x,label\n");
        java.util.Set<Integer> validation = new java.util.HashSet<>();
        for (int row : validationRows) {
            validation.add(row);
        }
        for (int i = 0; i < 40; i++) {
            String x = i % 5 == 4 ? "" : validation.contains(i) ? Float.toString(validationValue) : Integer.toString(i);
            csv.append(x).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return CsvLoader.load(file, CsvOptions.tabular().withMissing(MissingPolicy.MEAN));
    }

    @Test
    void validationRowsChangeNeitherTheImputedMeansNorTheStandardizer() throws Exception {
        int[] validation = PreparedTable.of(load("probe.csv", 0, new int[0]), 0.25, 3).split().validation();
        PreparedTable small = PreparedTable.of(load("small.csv", -5, validation), 0.25, 3);
        PreparedTable huge = PreparedTable.of(load("huge.csv", 1e6f, validation), 0.25, 3);
        assertEquals(small.split(), huge.split());
        assertEquals(small.standardizer(), huge.standardizer());
        assertEquals(small.data().missing().trainingMeans(), huge.data().missing().trainingMeans());
        assertFalse(small.data().hasMissingValues());

        // Fitting on all rows would differ: the comparison above can fail.
        TableDataset allRows = load("all.csv", 1e6f, validation);
        int[] every = java.util.stream.IntStream.range(0, allRows.count()).toArray();
        assertNotEquals(small.standardizer(), TableStandardizer.fit(allRows.withTrainingMeanImputed(every), every));
    }

    @Test
    void theNetworkSeesTrainingRowsWithMeanZero() throws Exception {
        PreparedTable prepared = PreparedTable.of(load("p.csv", 7, new int[0]), 0.25, 3);
        TableDataset seen = prepared.standardized();
        double sum = 0;
        for (int row : prepared.split().train()) {
            sum += seen.value(row, 0);
        }
        assertEquals(0, sum / prepared.split().train().length, 1e-5);
    }
}
