package org.collapselab.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.StepResult;
import org.collapselab.core.diagnostics.StepWork;
import org.collapselab.core.util.Json;

/**
 * The walkthrough of a diagnostic session as {@code diagnose.json} in the run folder: every step with
 * its state, time, what it cost (CPU seconds, trials, epochs, images; also for the cause ranking), findings and the
 * chart data behind it, so a report or a script can redraw what the
 * GUI stepper showed. Written by the CLI's {@code diagnose} and by the GUI's export. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepsReport(int schema, List<Step> steps, StepWork ranking) {
    public static final int SCHEMA = 1;
    public static final String FILE = "diagnose.json";

    /** One step of the walkthrough; {@code run} names the training run a step made or judged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int index, String id, String title, Phase phase, boolean active, CheckState state,
                       double seconds, String note, List<Finding> findings, List<ChartData> charts, String run,
                       StepWork work) {
        @JsonCreator
        public Step {
        }

        /** A step that judged no training run. */
        public Step(int index, String id, String title, Phase phase, boolean active, CheckState state, double seconds,
                    String note, List<Finding> findings, List<ChartData> charts) {
            this(index, id, title, phase, active, state, seconds, note, findings, charts, null, null);
        }
    }

    @JsonCreator
    public StepsReport {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public StepsReport(int schema, List<Step> steps) {
        this(schema, steps, null);
    }

    /** The steps of {@code session} as they stand. Safe from any thread. */
    public static StepsReport of(DiagnosticSession session) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < session.size(); i++) {
            DiagnosticCheck check = session.checks().get(i);
            StepResult r = session.result(i);
            steps.add(new Step(i + 1, check.id(), check.title(), check.phase(), check.active(), r.state(), r.seconds(),
                    r.note(), r.findings(), r.charts(), r.run(), r.work()));
        }
        return new StepsReport(SCHEMA, steps, session.rankingWork());
    }

    public static StepsReport read(Path runFolder) throws IOException {
        return Json.MAPPER.readValue(runFolder.resolve(FILE).toFile(), StepsReport.class);
    }

    public void write(Path runFolder) throws IOException {
        Json.writeAtomically(runFolder.resolve(FILE), this);
    }
}
