package org.collapselab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.core.diagnostics.TrainingFindings;
import org.collapselab.core.report.HtmlReportWriter;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.report.StepsReport;
import org.collapselab.core.training.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report}: render a run's report as a self-contained HTML page. Its exit code describes the
 * run, as train's and diagnose's do, so a script can test a run folder the same way it tests a run.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render a run folder's report.json as a self-contained HTML page (charts, findings with evidence).",
        exitCodeListHeading = "%nExit codes (the same as train and diagnose give for the run):%n",
        exitCodeList = {"0:written; the run has no critical finding", "1:written; the run has a critical finding (e.g. collapse)",
                "2:invalid input (usage, not a run folder)", "3:the run failed, or the page could not be written"})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = "A run folder written by train or the app.")
    Path run;

    @Option(names = "--html", paramLabel = "FILE", description = "Output file (default: RUN_DIR/report.html).")
    Path html;

    @Override
    public Integer call() throws Exception {
        RunReport report;
        try {
            report = RunReport.read(run);
        } catch (IOException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Path target = html != null ? html : run.resolve("report.html");
        StepsReport steps = null;
        if (Files.isRegularFile(run.resolve(StepsReport.FILE))) {
            steps = StepsReport.read(run);
        }
        HtmlReportWriter.write(report, steps, null, target, HtmlReportWriter.lastWritten(run));
        System.out.println("Wrote " + target.toAbsolutePath());
        return exitCode(report);
    }

    static int exitCode(RunReport report) {
        if (report.status() == RunStatus.FAILED) {
            System.err.println("error: the run failed" + (report.message() == null ? "" : ": " + report.message()));
            return ExitCodes.FAILURE;
        }
        return TrainingFindings.hasCritical(report.findings()) ? ExitCodes.CRITICAL_FINDING : ExitCodes.OK;
    }
}
