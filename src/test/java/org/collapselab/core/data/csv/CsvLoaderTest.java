package org.collapselab.core.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private TableDataset load(String content) throws Exception {
        return CsvLoader.load(write("data.csv", content), CsvOptions.tabular());
    }

    @Test
    void readsNumericFeaturesAndLabelsInFileOrder() throws Exception {
        TableDataset data = load("x,y,label\n1.5,2,b\n-3,4e1,a\n.5,0,b\n");
        assertEquals(List.of("a", "b"), data.classes());
        assertArrayEquals(new int[]{1, 0, 1}, data.labels());
        assertEquals(List.of("x", "y"), data.featureNames());
        assertArrayEquals(new float[]{1.5f, 2f, -3f, 40f, 0.5f, 0f}, data.features());
        assertArrayEquals(new int[]{2, 3, 4}, data.lines());
        assertTrue(data.skipped().isEmpty());
    }

    @Test
    void reportsUnparseableRowsWithTheirLineNumberAndReason() throws Exception {
        String csv = "x,y,label\n"
                + "1,2,a\n"        // line 2
                + "\n"             // line 3: blank, ignored
                + "3,abc,b\n"      // line 4: not a number
                + "4,5\n"          // line 5: too few fields
                + "6,7,a,9\n"      // line 6: too many fields
                + "\"8\",9,b\n"    // line 7: fine, quoted
                + "1,5,\n"         // line 8: no label
                + "2,1e999,a\n"    // line 9: too large
                + "5,6,b\n";       // line 10
        TableDataset data = load(csv);
        assertArrayEquals(new int[]{2, 7, 10}, data.lines());
        List<SkippedRow> skipped = data.skipped();
        assertEquals(List.of(4, 5, 6, 8, 9), skipped.stream().map(SkippedRow::line).toList(), skipped.toString());
        assertTrue(skipped.get(0).reason().contains("'abc' is not a number"), skipped.get(0).reason());
        assertTrue(skipped.get(0).reason().contains("column 'y'"), skipped.get(0).reason());
        assertEquals("has 2 fields, the header has 3", skipped.get(1).reason());
        assertEquals("has 4 fields, the header has 3", skipped.get(2).reason());
        assertTrue(skipped.get(3).reason().startsWith("no label"), skipped.get(3).reason());
        assertTrue(skipped.get(4).reason().contains("too large"), skipped.get(4).reason());
    }

    @Test
    void countsLinesOfQuotedFieldsThatSpanLineBreaks() throws Exception {
        String csv = "note,x,label\n\"two\nlines\",1,a\n\"ok\",x,b\nplain,2,b\nmore,3,a\n";
        TableDataset data = load(csv);
        assertEquals(List.of(4), data.skipped().stream().map(SkippedRow::line).toList());
        assertArrayEquals(new int[]{2, 5, 6}, data.lines());
    }

    @Test
    void readsSpreadsheetExportsWithByteOrderMarkWindowsLineEndsAndTabs() throws Exception {
        TableDataset data = load("\uFEFFx\tlabel\r\n1\ta\r\nbad\tb\r\n2\tb\r\n3\ta\r\n");
        assertEquals(List.of("x"), data.featureNames());
        assertEquals("label", data.labelColumn());
        assertArrayEquals(new int[]{2, 4, 5}, data.lines());
        assertEquals(3, data.skipped().get(0).line());
    }

    @Test
    void oneHotEncodesTextColumnsWithSortedLevels() throws Exception {
        TableDataset data = load("size,colour,label\n1,red,a\n2,blue,b\n3,red,b\n4,green,a\n");
        assertEquals(List.of("size", "colour=blue", "colour=green", "colour=red"), data.featureNames());
        assertEquals(List.of("size", "colour", "colour", "colour"), data.featureColumns());
        assertArrayEquals(new float[]{1, 0, 0, 1}, data.row(0));
        assertArrayEquals(new float[]{2, 1, 0, 0}, data.row(1));
        assertArrayEquals(new float[]{4, 0, 1, 0}, data.row(3));
    }

    @Test
    void rejectsATextColumnWithMoreLevelsThanTheLimitNamingIt() throws Exception {
        StringBuilder csv = new StringBuilder("x,customer,label\n");
        for (int i = 0; i < 51; i++) {
            csv.append(i).append(",name").append(i).append(',').append(i % 2).append('\n');
        }
        DataException e = assertThrows(DataException.class, () -> load(csv.toString()));
        assertTrue(e.getMessage().contains("'customer'") && e.getMessage().contains("51 distinct values")
                && e.getMessage().contains("50"), e.getMessage());
        TableDataset fifty = CsvLoader.load(write("d.csv", csv.toString()), CsvOptions.tabular().withMaxLevels(51));
        assertEquals(52, fifty.featureCount());
    }

    @Test
    void dropsRowsWithEmptyCellsAndCountsThemPerColumn() throws Exception {
        TableDataset data = load("x,y,c,label\n1,,p,a\n2,3,NA,b\n,4,,a\n5,6,q,b\n7,8,p,a\n");
        assertArrayEquals(new int[]{5, 6}, data.lines());
        MissingValueReport report = data.missing();
        assertEquals(MissingPolicy.DROP, report.policy());
        assertEquals(3, report.rowsDropped());
        assertEquals(List.of(new MissingValueReport.ColumnMissing("x", 1), new MissingValueReport.ColumnMissing("y", 1),
                new MissingValueReport.ColumnMissing("c", 2)), report.columns());
        assertEquals("4 empty cells (1 in x, 1 in y, 2 in c): 3 rows dropped.", report.describe());
        assertTrue(!data.hasMissingValues());
    }

    @Test
    void imputesEmptyCellsWithTheTrainingMeanOnly() throws Exception {
        Path file = write("m.csv", "x,label\n1,a\n3,a\n,a\n100,b\n200,b\n,b\n");
        TableDataset data = CsvLoader.load(file, CsvOptions.tabular().withMissing(MissingPolicy.MEAN));
        assertEquals(6, data.count());
        assertTrue(data.hasMissingValues());
        assertEquals(List.of(new MissingValueReport.ColumnMissing("x", 2)), data.missing().columns());
        // Rows 0, 1 (values 1 and 3) and both empty rows train; 100 and 200 are validation and must not count.
        TableDataset filled = data.withTrainingMeanImputed(new int[]{0, 1, 2, 5});
        assertEquals(2f, filled.value(2, 0));
        assertEquals(2f, filled.value(5, 0));
        assertEquals(100f, filled.value(3, 0));
        assertEquals(2.0, filled.missing().trainingMeans().get("x"));
        assertTrue(filled.missing().describe().contains("filled with the training-split mean"));
    }

    @Test
    void detectsTheLabelColumnByNameElseTakesTheLast() throws Exception {
        assertEquals("Target", load("Target,x,y\na,1,2\nb,3,4\n").labelColumn());
        assertEquals("class", load("x,class,y\n1,a,2\n3,b,4\n").labelColumn());
        TableDataset last = load("x,y,outcome\n1,2,yes\n3,4,no\n");
        assertEquals("outcome", last.labelColumn());
        assertEquals(List.of("no", "yes"), last.classes());
        TableDataset given = CsvLoader.load(write("g.csv", "kind,x,label\np,1,0\nq,2,0\n"),
                CsvOptions.tabular().withLabelColumn("kind"));
        assertEquals("kind", given.labelColumn());
        assertEquals(List.of("x", "label"), given.featureNames());
        DataException unknown = assertThrows(DataException.class, () -> CsvLoader.load(
                write("u.csv", "x,label\n1,a\n2,b\n"), CsvOptions.tabular().withLabelColumn("nope")));
        assertTrue(unknown.getMessage().contains("'nope'") && unknown.getMessage().contains("[x, label]"));
    }

    @Test
    void namesDuplicateAndEmptyColumnNamesApart() throws Exception {
        assertEquals(List.of("x", "x-2"), load("x,x,label\n1,2,a\n3,4,b\n").featureNames());
        assertEquals(List.of("C1", "x"), load(",x,label\n0,2,a\n1,4,b\n").featureNames());
    }

    @Test
    void sortsNumericClassNamesByValue() throws Exception {
        TableDataset data = load("x,label\n1,10\n2,9\n3,2\n");
        assertEquals(List.of("2", "9", "10"), data.classes());
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        assertMessage("the file is empty", "");
        assertMessage("the file is empty", "  \n\n ");
    }

    @Test
    void rejectsABinaryFile() throws Exception {
        Path png = dir.resolve("image.csv");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        DataException e = assertThrows(DataException.class, () -> CsvLoader.load(png, CsvOptions.tabular()));
        assertTrue(e.getMessage().startsWith("not a CSV file") && e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void rejectsTextWithoutSeparators() throws Exception {
        assertMessage("not a CSV file", "Just some notes\nabout a model\n");
    }

    @Test
    void rejectsAFileWithoutHeader() throws Exception {
        assertMessage("no header line", "1.0,2.0,0\n3.0,4.0,1\n");
    }

    @Test
    void rejectsAHeaderWithoutRows() throws Exception {
        assertMessage("no data rows", "x,y,label\n");
    }

    @Test
    void rejectsASingleClass() throws Exception {
        DataException e = assertThrows(DataException.class, () -> load("x,label\n1,a\n2,a\n3,a\n"));
        assertTrue(e.getMessage().startsWith("only one class ('a')") && e.getMessage().contains("'label'"),
                e.getMessage());
    }

    @Test
    void rejectsAFileWithNoFeatureColumn() throws Exception {
        Path onlyLabel = write("n.csv", "id;label\n;a\n;b\n");
        DataException e = assertThrows(DataException.class, () -> CsvLoader.load(onlyLabel, CsvOptions.tabular()));
        assertTrue(e.getMessage().startsWith("no numeric feature"), e.getMessage());
        Path text = write("t.csv", "name,label\nann,a\nbob,b\n");
        DataException sequence = assertThrows(DataException.class, () -> CsvLoader.load(text, CsvOptions.sequence()));
        assertTrue(sequence.getMessage().startsWith("no numeric feature") && sequence.getMessage().contains("name"),
                sequence.getMessage());
    }

    @Test
    void rejectsDecimalCommasWithAClearMessage() throws Exception {
        assertMessage("column 'x' writes numbers with a decimal comma", "x;label\n1,5;a\n2,5;b\n");
    }

    @Test
    void parsesDecimalPointsTheSameUnderAGermanLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TableDataset data = load("x,y,label\n1.5,1000.25,a\n2.75,-0.5,b\n");
            assertArrayEquals(new float[]{1.5f, 1000.25f, 2.75f, -0.5f}, data.features());
            TableDataset semicolons = CsvLoader.load(write("s.csv", "x;label\n1.5;a\n2,5;b\n3.5;b\n"),
                    CsvOptions.tabular());
            assertEquals(List.of(3), semicolons.skipped().stream().map(SkippedRow::line).toList());
            assertTrue(semicolons.skipped().get(0).reason().contains("decimal point must be '.'"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void readsSequencesWithInterleavedChannels() throws Exception {
        Path file = write("seq.csv", "id,a0,b0,a1,b1,a2,b2,label\ns1,1,10,2,20,3,30,0\ns2,4,40,5,50,6,60,1\n");
        TableDataset data = CsvLoader.load(file, CsvOptions.sequence().withSequenceChannels(2));
        assertEquals(TableKind.SEQUENCE, data.kind());
        assertEquals(2, data.channels());
        assertEquals(3, data.sequenceLength());
        assertEquals(List.of("id"), data.ignoredColumns());
        assertEquals(2f, data.value(0, 1, 0));
        assertEquals(50f, data.value(1, 1, 1));
        DataException odd = assertThrows(DataException.class,
                () -> CsvLoader.load(file, CsvOptions.sequence().withSequenceChannels(4)));
        assertTrue(odd.getMessage().contains("6 numeric columns do not split into 4"), odd.getMessage());
    }

    @Test
    void keepsAPreviewOfTheFirstRowsAsText() throws Exception {
        TableDataset data = load("x,label\n1.50,a\nfoo,b\n2,b\n");
        assertEquals(List.of("x", "label"), data.preview().header());
        assertEquals(List.of("1.50", "a"), data.preview().rows().get(0));
        assertEquals(3, data.preview().rows().size());
    }

    private void assertMessage(String start, String content) {
        DataException e = assertThrows(DataException.class, () -> load(content));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
