package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.collapselab.core.training.LayerSample;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line counts layers as the Model screen does: from 1, with the JSON path for --set beside it. */
class LayerNumberingCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void aConfigErrorNamesTheLayerFromOneAndItsJsonPath() {
        int code = CollapseLabCommand.run("train", "--data", dir.toString(), "--set", "model.layers[4].units=0",
                "--out", dir.resolve("run").toString());
        String err = console.err().toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.INVALID_INPUT, code, err);
        assertTrue(err.contains("  layer 5, units (model.layers[4].units): must be between 1 and 65536, got 0"), err);
    }

    @Test
    void findingsAndChartsNameLayersFromOne() {
        assertEquals("layer 5: dense 128 relu", LayerSample.name(4, "dense 128 relu"));
    }
}
