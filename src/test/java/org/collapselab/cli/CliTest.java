package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line contract without training: help, usage errors and config errors (exit code 2). */
class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

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
