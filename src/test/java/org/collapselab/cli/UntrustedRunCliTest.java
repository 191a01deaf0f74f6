package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.security.CraftedZips;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --run} on a shared run folder whose model.zip was crafted: refused in one line, exit code 2. */
class UntrustedRunCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err();

    @Test
    void aModelZipWithAPathOutsideTheArchiveIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectory(dir.resolve("shared-run"));
        CraftedZips.named(run.resolve("model.zip"), "collapselab-config.json", "../../.bashrc");
        int code = CollapseLabCommand.run("predict", "--run", run.toString(), "--data", dir.toString());
        String stderr = err.toString(StandardCharsets.UTF_8);
        System.out.println("predict: " + stderr.strip());
        assertEquals(ExitCodes.INVALID_INPUT, code, stderr);
        assertTrue(stderr.contains("refused to load the model") && stderr.contains("points outside the archive"), stderr);
        assertFalse(stderr.contains("\tat "), "no stack trace: " + stderr);
    }
}
