package org.collapselab.core.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.samples.CsvSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableKindDetectorTest {
    @TempDir
    Path dir;

    @Test
    void theSampleFilesAreGuessedAsWhatTheyAre() throws Exception {
        Path sequences = Files.writeString(dir.resolve("s.csv"), CsvSamples.sequencesCsv());
        Path tabular = Files.writeString(dir.resolve("t.csv"), CsvSamples.tabularCsv());
        TableKindDetector.Detection series = TableKindDetector.detect(sequences);
        assertEquals(TableKind.SEQUENCE, series.kind());
        assertTrue(series.reason().contains("128 numbered columns t000…t127"), series.reason());
        assertEquals(TableKind.TABULAR, TableKindDetector.detect(tabular).kind());
    }

    @Test
    void numberedColumnsMakeASeriesWhereverTheLabelIs() {
        assertEquals(TableKind.SEQUENCE, TableKindDetector.detect(numbered("x_", 20, "class", true)).kind());
        assertEquals(TableKind.SEQUENCE, TableKindDetector.detect(numbered("", 20, "target", false)).kind(),
                "plain numbers as column names");
    }

    @Test
    void fewNamedMixedOrShuffledColumnsAreTabular() {
        assertEquals(TableKind.TABULAR, TableKindDetector.detect(numbered("x", 5, "label", false)).kind(),
                "x0…x4 are a few numbered features, not a series");
        List<String> mixed = numbered("t", 20, "label", false);
        mixed.set(3, "temperature");
        assertEquals(TableKind.TABULAR, TableKindDetector.detect(mixed).kind());
        List<String> twoPrefixes = numbered("a", 10, "label", false);
        twoPrefixes.addAll(0, numbered("b", 10, "x", false).subList(0, 10));
        assertEquals(TableKind.TABULAR, TableKindDetector.detect(twoPrefixes).kind());
        List<String> shuffled = numbered("t", 20, "label", false);
        java.util.Collections.swap(shuffled, 2, 7);
        assertEquals(TableKind.TABULAR, TableKindDetector.detect(shuffled).kind(), "steps out of order");
    }

    @Test
    void theHeaderIsReadWithTheFilesSeparatorAndQuotes() throws Exception {
        StringBuilder header = new StringBuilder();
        for (int t = 0; t < 20; t++) {
            header.append("\"v").append(t).append("\";");
        }
        Path file = Files.writeString(dir.resolve("semicolons.csv"), header + "label\n" + "1;".repeat(20) + "a\n");
        assertEquals(TableKind.SEQUENCE, TableKindDetector.detect(file).kind());
    }

    private static List<String> numbered(String prefix, int n, String label, boolean labelFirst) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(prefix + i);
        }
        names.add(labelFirst ? 0 : names.size(), label);
        return names;
    }
}
