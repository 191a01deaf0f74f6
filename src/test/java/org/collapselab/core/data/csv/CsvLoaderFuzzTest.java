package org.collapselab.core.data.csv;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.collapselab.core.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged CSV files end in a dataset or a DataException with a message, never in another exception. */
class CsvLoaderFuzzTest {
    private static final String VALID = "x,y,colour,label\n1.5,2,red,a\n-3,4e1,blue,b\n.5,0,red,b\n7,8,green,a\n"
            + "\"9\",10,\"bl\"\"ue\",a\n11,,red,b\n";
    private static final String NOISE = ",,;\t\"\n\r\n.e-+0123456789abcNA \u00e9\u0000";

    @Test
    void damagedFilesGiveADatasetOrAClearError(@TempDir Path dir) throws Exception {
        Random random = new Random(2026);
        Path file = dir.resolve("fuzz.csv");
        int loaded = 0;
        int rejected = 0;
        for (int trial = 0; trial < 400; trial++) {
            StringBuilder text = new StringBuilder(VALID);
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    default -> text.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                }
            }
            Files.writeString(file, text);
            CsvOptions options = random.nextBoolean() ? CsvOptions.tabular()
                    : CsvOptions.tabular().withMissing(MissingPolicy.MEAN);
            try {
                TableDataset data = CsvLoader.load(file, options);
                assertTrue(data.classCount() >= 2 && data.count() > 0 && data.featureCount() > 0, data.toString());
                loaded++;
            } catch (DataException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank());
                rejected++;
            } catch (RuntimeException e) {
                fail("trial " + trial + " threw " + e + " for:\n" + text, e);
            }
        }
        assertTrue(loaded > 50 && rejected > 10, loaded + " loaded, " + rejected + " rejected");
    }
}
