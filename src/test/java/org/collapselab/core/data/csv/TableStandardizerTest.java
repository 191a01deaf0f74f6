package org.collapselab.core.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.core.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableStandardizerTest {
    @TempDir
    Path dir;

    private TableDataset load(String csv, CsvOptions options) throws Exception {
        Path file = dir.resolve("d" + csv.hashCode() + ".csv");
        Files.writeString(file, csv);
        return org.collapselab.core.data.csv.CsvLoader.load(file, options);
    }

    @Test
    void fitsOnTrainingRowsOnlySoValidationRowsDoNotMoveIt() throws Exception {
        String train = "x,y,label\n1,10,a\n3,30,a\n5,50,b\n7,70,b\n";
        TableDataset small = load(train + "1000,-1000,a\n2000,5000,b\n", CsvOptions.tabular());
        TableDataset large = load(train + "-9e6,9e6,a\n4e6,-4e6,b\n", CsvOptions.tabular());
        int[] trainRows = {0, 1, 2, 3};
        TableStandardizer fitted = TableStandardizer.fit(small, trainRows);
        assertEquals(fitted, TableStandardizer.fit(large, trainRows));
        assertArrayEquals(new double[]{4, 40}, fitted.mean(), 1e-12);
        assertArrayEquals(new double[]{Math.sqrt(5), Math.sqrt(500)}, fitted.std(), 1e-9);
        // Fitting on every row would move the mean: the test above can fail.
        assertNotEquals(fitted, TableStandardizer.fit(small, new int[]{0, 1, 2, 3, 4, 5}));

        TableDataset seen = small.standardized(fitted);
        double sum = 0;
        for (int row : trainRows) {
            sum += seen.value(row, 0);
        }
        assertEquals(0, sum, 1e-5);
        assertEquals((1000 - 4) / Math.sqrt(5), seen.value(4, 0), 1e-2);
    }

    @Test
    void aConstantFeatureMapsToZeroNotInfinity() throws Exception {
        TableDataset data = load("x,k,label\n1,5,a\n2,5,b\n3,5,a\n", CsvOptions.tabular());
        TableStandardizer s = TableStandardizer.fit(data, new int[]{0, 1, 2});
        assertArrayEquals(new float[]{-1.2247449f, 0f}, s.apply(data.row(0)), 1e-6f);
    }

    @Test
    void sequencesShareOneMeanAndStdPerChannelAcrossTimeSteps() throws Exception {
        // Channel a rises 0..5 across time, channel b is 100 + the same: per channel, not per time step.
        TableDataset data = load("a0,b0,a1,b1,a2,b2,label\n0,100,1,101,2,102,x\n3,103,4,104,5,105,y\n",
                CsvOptions.sequence().withSequenceChannels(2));
        TableStandardizer s = TableStandardizer.fit(data, new int[]{0, 1});
        assertArrayEquals(new double[]{2.5, 102.5, 2.5, 102.5, 2.5, 102.5}, s.mean(), 1e-12);
        double std = Math.sqrt(17.5 / 6);
        assertArrayEquals(new double[]{std, std, std, std, std, std}, s.std(), 1e-9);
        float[] first = s.apply(data.row(0));
        assertEquals(first[0], first[1], 1e-6f);
        assertEquals(-2.5 / std, first[0], 1e-5);
    }

    @Test
    void ignoresEmptyCellsWhenFitting() throws Exception {
        TableDataset data = load("x,label\n2,a\n,b\n4,a\n6,b\n", CsvOptions.tabular().withMissing(MissingPolicy.MEAN));
        assertArrayEquals(new double[]{4}, TableStandardizer.fit(data, new int[]{0, 1, 2, 3}).mean(), 1e-12);
    }

    @Test
    void splitIsTheSeededStratifiedSplitOfTheImagePipeline() throws Exception {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(i % 10 == 0 ? "rare" : "common").append('\n');
        }
        TableDataset data = load(csv.toString(), CsvOptions.tabular());
        Split split = data.split(0.25, 7);
        assertEquals(Split.stratified(data.labels(), 2, 0.25, 7), split);
        assertEquals(split, data.split(0.25, 7));
        int rareInValidation = 0;
        for (int row : split.validation()) {
            rareInValidation += data.classes().get(data.label(row)).equals("rare") ? 1 : 0;
        }
        assertEquals(1, rareInValidation);
        assertEquals(10, split.validation().length);
    }
}
