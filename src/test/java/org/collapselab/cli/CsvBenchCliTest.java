package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.collapselab.core.util.Json;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --data FILE.csv}: one JSON line in the fields of docs/scripts/torch_csv_ref.py, for either kind. */
class CsvBenchCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out();

    @TempDir
    Path dir;

    @Test
    void aSeriesFileBenchesTheOneDimensionalCnnInRowsPerSecond() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int t = 0; t < 20; t++) {
            csv.append(String.format(Locale.ROOT, "t%02d,", t));
        }
        csv.append("label\n");
        for (int r = 0; r < 30; r++) {
            for (int t = 0; t < 20; t++) {
                csv.append(String.format(Locale.ROOT, "%.2f,", Math.sin(t + r) + (r % 2 == 0 && t > 10 ? 2 : 0)));
            }
            csv.append(r % 2).append('\n');
        }
        JsonNode line = bench(Files.writeString(dir.resolve("series.csv"), csv));
        assertEquals("sequence", line.get("kind").asText(), "guessed from the numbered columns");
        assertEquals(30, line.get("rows").asInt());
        assertEquals(20, line.get("features").asInt());
    }

    @Test
    void aTabularFileBenchesTheMlp() throws Exception {
        StringBuilder csv = new StringBuilder("size,colour,label\n");
        for (int r = 0; r < 30; r++) {
            csv.append(r).append(',').append(r % 3 == 0 ? "red" : "blue").append(',').append(r < 15 ? "small" : "large")
                    .append('\n');
        }
        JsonNode line = bench(Files.writeString(dir.resolve("rows.csv"), csv));
        assertEquals("tabular", line.get("kind").asText());
        assertEquals(3, line.get("features").asInt(), "size and the one-hot colour=blue, colour=red");
    }

    private JsonNode bench(Path csv) throws Exception {
        int code = CollapseLabCommand.run("bench", "--data", csv.toString(), "--epochs", "2");
        String stdout = out.toString(StandardCharsets.UTF_8).trim();
        assertEquals(ExitCodes.OK, code, stdout);
        JsonNode line = Json.MAPPER.readTree(stdout.substring(stdout.lastIndexOf('\n') + 1));
        assertTrue(line.get("train_rows_per_s").asDouble() > 0, stdout);
        assertEquals(2, line.get("classes").asInt());
        assertTrue(line.get("val_balanced_acc").asDouble() >= 0 && line.get("val_balanced_acc").asDouble() <= 1, stdout);
        return line;
    }
}
