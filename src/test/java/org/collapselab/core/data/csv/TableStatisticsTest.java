package org.collapselab.core.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableStatisticsTest {
    @TempDir
    Path dir;

    private TableDataset load(String csv, CsvOptions options) throws Exception {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, csv);
        return CsvLoader.load(file, options);
    }

    @Test
    void summarisesEachFeatureCountingEmptyCellsAsMissing() throws Exception {
        TableDataset data = load("x,c,label\n1,p,a\n2,q,a\n,p,a\n5,p,b\n", CsvOptions.tabular()
                .withMissing(MissingPolicy.MEAN));
        TableStatistics stats = TableStatistics.of(data);
        TableStatistics.FeatureSummary x = stats.features().get(0);
        assertEquals("x", x.name());
        assertEquals(8.0 / 3, x.mean(), 1e-9);
        assertEquals(Math.sqrt(13.0 / 3), x.std(), 1e-9); // sample std of 1, 2, 5
        assertEquals(1, x.min());
        assertEquals(5, x.max());
        assertEquals(1, x.missing());
        assertEquals("c=p", stats.features().get(1).name());
        assertEquals(0.75, stats.features().get(1).mean(), 1e-9);
        assertArrayEquals(new int[]{3, 1}, stats.balance().counts());
        assertEquals(3.0, stats.balance().ratio(), 1e-12);
    }

    @Test
    void histogramsShareBinsAcrossClasses() throws Exception {
        TableDataset data = load("x,label\n0,a\n1,a\n2,b\n10,b\n9,b\n", CsvOptions.tabular());
        TableStatistics.FeatureHistogram h = TableStatistics.histogram(data, 0, 2);
        assertArrayEquals(new double[]{0, 5, 10}, h.edges(), 1e-12);
        assertArrayEquals(new int[]{2, 0}, h.counts()[0]);
        assertArrayEquals(new int[]{1, 2}, h.counts()[1]);
    }

    @Test
    void summarisesSequencesPerChannelAndPicksExamplesPerClass() throws Exception {
        StringBuilder csv = new StringBuilder("t0,t1,t2,label\n");
        for (int i = 0; i < 6; i++) {
            csv.append(i).append(',').append(i + 1).append(',').append(i + 2).append(',').append(i < 4 ? 0 : 1)
                    .append('\n');
        }
        TableDataset data = load(csv.toString(), CsvOptions.sequence());
        TableStatistics stats = TableStatistics.of(data);
        assertEquals(1, stats.features().size());
        assertEquals("series", stats.features().get(0).name());
        assertEquals(0, stats.features().get(0).min());
        assertEquals(7, stats.features().get(0).max());
        List<TableStatistics.ExampleSeries> examples = TableStatistics.exampleSeries(data, 3);
        assertEquals(List.of(2, 4, 5, 6, 7), examples.stream().map(TableStatistics.ExampleSeries::line).toList());
        assertArrayEquals(new float[]{4, 5, 6}, examples.get(3).values()[0]);
        assertEquals(1, examples.get(3).label());
        assertTrue(examples.stream().allMatch(e -> e.values().length == 1));
    }
}
