package org.collapselab.core.data.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.csv.CsvLoader;
import org.collapselab.core.data.csv.CsvOptions;
import org.collapselab.core.data.csv.MissingValueReport;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSamplesTest {
    private static final Path SAMPLE_DATA = Path.of("sample-data");

    @Test
    void committedFilesEqualAFreshGeneration() throws Exception {
        assertEquals(CsvSamples.sequencesCsv(),
                Files.readString(SAMPLE_DATA.resolve(CsvSamples.SEQUENCES), StandardCharsets.UTF_8),
                "regenerate with CsvSamples.main");
        assertEquals(CsvSamples.tabularCsv(),
                Files.readString(SAMPLE_DATA.resolve(CsvSamples.TABULAR), StandardCharsets.UTF_8),
                "regenerate with CsvSamples.main");
    }

    @Test
    void bothFilesStayUnderOneMegabyte() throws Exception {
        assertTrue(Files.size(SAMPLE_DATA.resolve(CsvSamples.SEQUENCES)) < 1 << 20);
        assertTrue(Files.size(SAMPLE_DATA.resolve(CsvSamples.TABULAR)) < 1 << 20);
    }

    @Test
    void theSequenceSampleIsBinaryNinetyFiveToFiveWithFixedLength(@TempDir Path dir) throws Exception {
        CsvSamples.writeAll(dir);
        TableDataset data = CsvLoader.load(dir.resolve(CsvSamples.SEQUENCES), CsvOptions.sequence());
        assertEquals(TableKind.SEQUENCE, data.kind());
        assertEquals(List.of("0", "1"), data.classes());
        assertArrayEquals(new int[]{CsvSamples.NORMAL_SERIES, CsvSamples.ANOMALOUS_SERIES}, data.classCounts());
        assertEquals(CsvSamples.SEQUENCE_LENGTH, data.sequenceLength());
        assertTrue(data.skipped().isEmpty());

        // The largest step between neighbours, which a kernel-2 convolution with global max pooling can compute.
        int[] flagged = new int[2];
        for (int row = 0; row < data.count(); row++) {
            double largestStep = 0;
            for (int t = 1; t < data.sequenceLength(); t++) {
                largestStep = Math.max(largestStep, Math.abs(data.value(row, t, 0) - data.value(row, t - 1, 0)));
            }
            flagged[data.label(row)] += largestStep > 1.25 ? 1 : 0;
        }
        // The anomalies are subtle on purpose (so the default network collapses): the step statistic finds the bursts,
        // about half of them; the level shifts need a wider view, which the 1-D CNN learns when oversampled.
        assertTrue(flagged[1] >= 0.45 * CsvSamples.ANOMALOUS_SERIES, flagged[1] + " anomalies flagged");
        assertTrue(flagged[0] <= 0.05 * CsvSamples.NORMAL_SERIES, flagged[0] + " normal series flagged");
    }

    @Test
    void theTabularSampleIsImbalancedAndFollowsItsRule(@TempDir Path dir) throws Exception {
        CsvSamples.writeAll(dir);
        TableDataset data = CsvLoader.load(dir.resolve(CsvSamples.TABULAR), CsvOptions.tabular());
        assertEquals("churn", data.labelColumn());
        assertEquals(List.of("no", "yes"), data.classes());
        int[] counts = data.classCounts();
        double rare = (double) counts[1] / data.count();
        assertTrue(rare > 0.07 && rare < 0.13, "churn share " + rare);
        assertEquals(List.of(new MissingValueReport.ColumnMissing("usage_hours", CsvSamples.EMPTY_USAGE_CELLS)),
                data.missing().columns());
        assertEquals(CsvSamples.TABULAR_ROWS - CsvSamples.EMPTY_USAGE_CELLS, data.count());
        List<String> names = data.featureNames();
        int tenure = names.indexOf("tenure_months");
        int calls = names.indexOf("support_calls");
        int usage = names.indexOf("usage_hours");
        int basic = names.indexOf("plan=basic");
        int agree = 0;
        for (int row = 0; row < data.count(); row++) {
            int risk = (data.value(row, basic) == 1 ? 1 : 0) + (data.value(row, calls) >= 4 ? 1 : 0)
                    + (data.value(row, tenure) < 9 ? 1 : 0) + (data.value(row, usage) < 4 ? 1 : 0);
            agree += (risk >= 2) == (data.label(row) == 1) ? 1 : 0;
        }
        // The documented rule explains all but the 1% flipped labels (and rounding of usage at 4.00).
        assertTrue(agree > 0.97 * data.count(), agree + " of " + data.count());
    }
}
