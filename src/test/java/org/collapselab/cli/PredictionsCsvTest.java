package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predictions.csv: class names that look like formulas are neutralised, and numbers do not follow the locale. */
class PredictionsCsvTest {
    @Test
    void hostileClassNamesAreNeutralisedAndConfidenceUsesADecimalPoint(@TempDir Path dir) throws Exception {
        ImageDataset images = InMemoryData.bars(8, 1, 1, 1, 1);
        List<String> classes = List.of("=HYPERLINK(\"http://evil\",\"x\")", "@SUM(1+1)");
        Locale old = Locale.getDefault();
        PrintStream oldOut = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            Locale.setDefault(Locale.GERMANY);
            Path file = dir.resolve("predictions.csv");
            PredictCommand.writeCsv(file, images, new int[]{1, 0}, new float[][]{{0.25f, 0.75f}, {0.5f, 0.5f}}, classes);
            List<String> lines = Files.readAllLines(file);
            assertEquals("file,actual,predicted,confidence", lines.get(0));
            assertEquals(images.path(0) + ",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'@SUM(1+1),0.7500", lines.get(1));
            assertEquals(images.path(1) + ",'@SUM(1+1),\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",0.5000", lines.get(2));
        } finally {
            Locale.setDefault(old);
            System.setOut(oldOut);
        }
    }
}
