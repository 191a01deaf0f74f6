package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.RunStatus;
import org.collapselab.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** report's exit codes match train's and diagnose's; diagnose's ranked list has one heading; ND4J's import warning is off. */
class ReportAndPrintingTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out();

    private static RunReport run(RunStatus status, boolean collapsed, List<Finding> findings) {
        return new RunReport(RunReport.SCHEMA, status, null,
                new RunReport.DatasetSection("/data", List.of("a", "b"), Map.of("a", 9, "b", 1), 8, 2, List.of()),
                ConfigCodec.defaults(), null,
                List.of(new RunReport.EpochReport(1, 0.7, 0.7, 0.9, 0.9, 0.5, 0.47, 1.0, 2.0)),
                new RunReport.FinalSection(0.9, 0.5, 0.47, 0.9, 1.0, List.of("b"),
                        new RunReport.ConfusionSection(List.of("a", "b"), new int[][]{{9, 0}, {1, 0}})),
                new CollapseVerdict(collapsed, collapsed ? 1 : 0, collapsed ? "a" : null), findings);
    }

    private static Finding finding(Severity severity) {
        return new Finding("collapsed-predictions", severity, 0, "Predicts one class", "because",
                new Evidence(1.0, 0.9, "test"), null);
    }

    @Test
    void reportExitsOneForACollapsedRunLikeTrainAndDiagnose(@TempDir Path dir) throws Exception {
        run(RunStatus.COMPLETED, true, List.of(finding(Severity.CRITICAL))).write(dir);

        assertEquals(ExitCodes.CRITICAL_FINDING, CollapseLabCommand.run("report", "--run", dir.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("report.html")), "the page is still written");
    }

    @Test
    void reportExitsZeroForAHealthyRunAndThreeForAFailedOne(@TempDir Path dir) throws Exception {
        Path healthy = Files.createDirectories(dir.resolve("healthy"));
        run(RunStatus.COMPLETED, false, List.of(finding(Severity.WARNING))).write(healthy);
        Path failed = Files.createDirectories(dir.resolve("failed"));
        run(RunStatus.FAILED, false, List.of()).write(failed);

        assertEquals(ExitCodes.OK, CollapseLabCommand.run("report", "--run", healthy.toString()));
        assertEquals(ExitCodes.FAILURE, CollapseLabCommand.run("report", "--run", failed.toString()));
    }

    @Test
    void everyRunCommandDocumentsItsExitCodes() {
        for (String command : new String[]{"train", "diagnose", "report"}) {
            out.reset();
            assertEquals(0, CollapseLabCommand.run(command, "--help"), command);
            String help = out.toString(StandardCharsets.UTF_8);
            assertTrue(help.contains("Exit codes") && help.contains("critical finding"), command + ":\n" + help);
        }
    }

    @Test
    void rankedCausesAreOneListUnderOneHeading() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Printing.findings(new PrintStream(text, true, StandardCharsets.UTF_8), "Ranked causes (trial: before → after)",
                List.of(finding(Severity.CRITICAL).withRank(1)));
        String printed = text.toString(StandardCharsets.UTF_8);

        assertTrue(printed.startsWith("Ranked causes (trial: before → after):\n"), printed);
        assertFalse(printed.contains("Findings:"), printed);
        assertTrue(printed.contains("#1 collapsed-predictions"), printed);
    }

    @Test
    void rankedCausesPrintOneEntryPerRankWithWhyItsThereAndItsChainBeneath() {
        java.util.Map<String, Object> lower = java.util.Map.of("training.learningRate", 3e-5);
        org.collapselab.core.diagnostics.FixTrial trial = new org.collapselab.core.diagnostics.FixTrial(0.33, 0.31, 4,
                400, 78, 3, 1.0 / 9);
        List<Finding> ranked = org.collapselab.core.diagnostics.CauseRanker.arrange(List.of(
                fixed("learning-rate-too-high", Severity.WARNING, lower, trial),
                fixed("learning-rate-out-of-range", Severity.WARNING, lower, trial),
                fixed("dead-relu", Severity.CRITICAL, null, null),
                finding(Severity.CRITICAL)), java.util.Map.of());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Printing.findings(new PrintStream(text, true, StandardCharsets.UTF_8), "Ranked causes", ranked);
        String printed = text.toString(StandardCharsets.UTF_8);

        assertFalse(printed.contains("#2"), "one entry: the chain and the finding with the same fix\n" + printed);
        assertTrue(printed.contains("  #1 learning-rate-too-high [WARNING]"), printed);
        assertTrue(printed.contains("why #1: Trial inconclusive (0.33 → 0.31 (−0.02), 4-epoch trial on 400 training "
                + "and 78 validation images"), printed);
        assertTrue(printed.contains("+2 symptoms, 1 with the same fix:"), printed);
        assertTrue(printed.contains("      = learning-rate-out-of-range [WARNING]"), printed);
        assertTrue(printed.contains("      → dead-relu [CRITICAL]"), printed);
        assertTrue(printed.contains("        → collapsed-predictions [CRITICAL]"), "indented under dead-relu\n" + printed);
    }

    private static Finding fixed(String id, Severity severity, java.util.Map<String, Object> set,
                                 org.collapselab.core.diagnostics.FixTrial trial) {
        return new Finding(id, severity, 0, id + " title", "because", new Evidence(1.0, 0.9, "test"),
                set == null ? null : new org.collapselab.core.diagnostics.Fix("fix " + id, set, trial));
    }

    @Test
    void nd4jDuplicateTfOpMappingWarningIsSilenced() {
        // The class that logs "Duplicate TF op mapping found for op ..." at WARN during its static initialiser.
        var logger = LoggerFactory.getLogger(org.nd4j.imports.converters.ImportClassMapping.class);
        assertFalse(logger.isWarnEnabled(), "the import-mapping warning would print on every train and diagnose");
        assertTrue(logger.isErrorEnabled(), "real errors still print");
        assertTrue(LoggerFactory.getLogger("org.nd4j.linalg").isWarnEnabled(), "other ND4J warnings still print");
    }
}
