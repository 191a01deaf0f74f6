package org.collapselab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.core.report.HtmlReportWriter;
import org.collapselab.core.report.StepsReport;
import org.collapselab.core.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: render a run's report as a self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render a run folder's report.json as a self-contained HTML page (charts, findings with evidence).")
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
        } catch (java.io.IOException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Path target = html != null ? html : run.resolve("report.html");
        StepsReport steps = null;
        if (java.nio.file.Files.isRegularFile(run.resolve(StepsReport.FILE))) {
            steps = StepsReport.read(run);
        }
        HtmlReportWriter.write(report, steps, target);
        System.out.println("Wrote " + target.toAbsolutePath());
        return ExitCodes.OK;
    }
}
