package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Command-line contract without training: help, usage errors and config errors (exit code 2). */
class CliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out();
    private final ByteArrayOutputStream err = console.err();

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[]{"inspect", "train", "diagnose", "predict", "report", "bench"}) {
            assertEquals(0, CollapseLabCommand.run(command, "--help"), command);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--set=PATH=VALUE"));
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("train"));
        assertTrue(stderr().contains("Missing required option: '--data=DIR'"), stderr());
    }

    @Test
    void invalidOverrideExitsWithCodeTwoAndNamesTheField(@TempDir Path dir) {
        int code = CollapseLabCommand.run("train", "--data", dir.toString(), "--set", "training.batchSize=0");
        assertEquals(ExitCodes.INVALID_INPUT, code);
        assertTrue(stderr().contains("training.batchSize: must be between 1 and 4096, got 0"), stderr());
    }

    @Test
    void malformedConfigFileExitsWithCodeTwo(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{ \"name\": ");
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("train", "--data", dir.toString(), "--config",
                config.toString()));
        assertTrue(stderr().contains("config: malformed JSON"), stderr());
    }

    @Test
    void reportOnAFolderThatIsNotARunIsInvalidInput(@TempDir Path dir) {
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("report", "--run", dir.toString()));
        assertTrue(stderr().contains("no report.json"), stderr());
    }
}
