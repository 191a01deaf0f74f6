package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.testsupport.RunFolders;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare RUN_DIR... [--html FILE] [--csv FILE]}: output, exports and exit codes. */
class CompareCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out();
    private final ByteArrayOutputStream err = console.err();

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void comparesTwoRunsAndWritesHtmlAndCsv(@TempDir Path dir) throws Exception {
        Path a = RunFolders.completed(dir.resolve("a"), RunFolders.config("training.learningRate=0.001"), 2, 9);
        Path b = RunFolders.completed(dir.resolve("b"), RunFolders.config("training.learningRate=0.1"), 2, 0, "one-class");
        Path html = dir.resolve("out/compare.html");
        Path csv = dir.resolve("out/compare.csv");

        int code = CollapseLabCommand.run("compare", a.toString(), b.toString(), "--html", html.toString(), "--csv", csv.toString());

        assertEquals(ExitCodes.OK, code, stderr());
        assertTrue(stdout().contains("training.learningRate") && stdout().contains("0.001 | 0.1"), stdout());
        assertTrue(stdout().contains("appeared one-class"), stdout());
        assertTrue(Files.readString(html).contains("<svg "));
        assertTrue(Files.readString(csv).startsWith("section,run,folder,key,epoch,value,delta_to_first\n"));
    }

    @Test
    void badInputExitsWithTwoAndNamesIt(@TempDir Path dir) throws Exception {
        Path a = RunFolders.completed(dir.resolve("a"), RunFolders.config(), 1, 5);
        Path missing = dir.resolve("no-such-run");
        Path notARun = Files.createDirectories(dir.resolve("holiday-photos"));

        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("compare", a.toString(), missing.toString()));
        assertTrue(stderr().contains("no such run folder: " + missing), stderr());

        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("compare", a.toString(), notARun.toString()));
        assertTrue(stderr().contains(notARun + " is not a run folder"), stderr());

        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("compare", a.toString()));
        assertTrue(stderr().contains("compare takes 2 to 8 run folders, got 1"), stderr());

        List<String> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(RunFolders.completed(dir.resolve("r" + i), RunFolders.config(), 1, i).toString());
        }
        nine.add(0, "compare");
        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run(nine.toArray(String[]::new)));
        assertTrue(stderr().contains("got 9"), stderr());

        assertEquals(ExitCodes.INVALID_INPUT, CollapseLabCommand.run("compare"));
        assertEquals(ExitCodes.OK, CollapseLabCommand.run("compare", "--help"));
        assertFalse(Files.exists(dir.resolve("compare.html")));
    }

    @Test
    void aHalfWrittenRunIsComparedWithAWarning(@TempDir Path dir) throws Exception {
        Path a = RunFolders.completed(dir.resolve("a"), RunFolders.config(), 1, 5);
        Path killed = Files.createDirectories(dir.resolve("killed"));
        org.collapselab.core.model.ConfigCodec.write(RunFolders.config("training.batchSize=8"), killed.resolve("config.json"));

        assertEquals(ExitCodes.OK, CollapseLabCommand.run("compare", a.toString(), killed.toString()));
        assertTrue(stderr().contains("warning: " + killed + ": no report.json"), stderr());
        assertTrue(stdout().contains("training.batchSize"), stdout());
    }
}
