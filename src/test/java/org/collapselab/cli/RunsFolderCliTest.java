package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An unusable runs folder is reported in words, with exit code 2, before any data is read. */
class RunsFolderCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err();

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainIntoAFolderThatCannotBeCreatedSaysSoBeforeReadingData(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path missingData = dir.resolve("no-such-data");
        int code = CollapseLabCommand.run("train", "--data", missingData.toString(), "--out",
                file.resolve("run").toString());
        assertEquals(ExitCodes.INVALID_INPUT, code, stderr());
        assertTrue(stderr().contains("is a file, not a folder. Choose another folder for runs."), stderr());
        assertFalse(stderr().contains("no-such-data"), "the runs folder is checked before the data: " + stderr());
        assertFalse(stderr().contains("\tat "), "no stack trace: " + stderr());
    }

    @Test
    void diagnoseIntoAFolderThatCannotBeCreatedSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        int code = CollapseLabCommand.run("diagnose", "--data", dir.toString(), "--out",
                file.resolve("sub").resolve("run").toString());
        assertEquals(ExitCodes.INVALID_INPUT, code, stderr());
        assertTrue(stderr().contains("is missing and cannot be created"), stderr());
    }
}
