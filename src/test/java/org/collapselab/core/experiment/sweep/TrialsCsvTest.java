package org.collapselab.core.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trials.csv cells that a spreadsheet would run as formulas are neutralised, and read back as they were. */
class TrialsCsvTest {
    @Test
    void formulaLikeCellsAreNeutralisedAndReadBack(@TempDir Path dir) throws Exception {
        List<String> parameters = List.of("data.balance");
        TrialResult row = new TrialResult(1, 0, 2, Map.of("data.balance", "=HYPERLINK(\"http://x\",\"y\")"),
                TrialResult.FAILED, Double.NaN, 0.5, 0.6, 0.4, 1.25, true, "@cmd", "+finding", 3.0, "trial-001",
                "-reason, with a comma\nand a line break");
        try (TrialsCsv csv = TrialsCsv.open(dir, parameters)) {
            csv.append(row);
        }
        String text = Files.readString(dir.resolve(TrialsCsv.FILE));
        for (String cell : text.split("\n")[1].split(",")) {
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertFalse(unquoted.startsWith("=") || unquoted.startsWith("@") || unquoted.startsWith("+"), cell);
        }
        assertTrue(text.contains("'=HYPERLINK"), text);
        assertEquals(2, text.split("\n").length, "one header and one row, the line break flattened");

        TrialResult back = TrialsCsv.read(dir, parameters).get(0);
        assertEquals("=HYPERLINK(\"http://x\",\"y\")", back.parameters().get("data.balance"));
        assertEquals("@cmd", back.dominantClass());
        assertEquals("+finding", back.topFinding());
        assertEquals("-reason, with a comma and a line break", back.reason());
        assertEquals(1.25, back.validationLoss());
    }
}
