package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.CachingTrialRunner;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.CatalogAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real-data scorecard: the full diagnostic session with cause ranking on each {@link RealDataCases} case, on
 * photographs, textures, handwritten digits and tabular sets from Debian packages (built by
 * docs/scripts/build-real-scorecard.sh; skipped when they are absent). Prints the generated scorecard's table per
 * finding and "right cause first: N of M; critical on healthy: K"; passes when at least 90% of the cases have their
 * cause first and no healthy case raised a critical finding. Minutes of training: tag {@code realdata}, outside the
 * default suite. Run: {@code mvn -o -q test -Dtest=RealDataScorecardTest -Dexcluded.test.groups=none
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Drealdata.only=a,b} runs some cases; {@code -Drealdata.dir} moves
 * the data).
 */
@Tag("realdata")
class RealDataScorecardTest {
    /** Where build-real-scorecard.sh puts the datasets by default. */
    static Path dataDir() {
        String given = System.getProperty("realdata.dir", System.getenv("COLLAPSELAB_REAL_SCORECARD"));
        return given != null && !given.isBlank() ? Path.of(given)
                : Path.of(System.getProperty("user.home"), ".cache", "collapse-lab", "real-scorecard", "data");
    }

    static final Map<String, TrainingResult> TRIALS = new ConcurrentHashMap<>();

    @Test
    void realDataCausesRankFirstAndHealthySetsRaiseNoCritical() throws Exception {
        Path data = dataDir();
        assumeTrue(Files.isRegularFile(data.resolve("DATASETS.sha256")), "real-data scorecard skipped: no datasets in "
                + data + " (build them with docs/scripts/build-real-scorecard.sh)");
        List<String> only = List.of(System.getProperty("realdata.only", "").split(",")).stream()
                .filter(x -> !x.isBlank()).toList();
        Map<String, List<Finding>> results = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        int right = 0;
        int criticalOnHealthy = 0;
        long start = System.nanoTime();
        for (RealDataCases.Case c : RealDataCases.all()) {
            if (!only.isEmpty() && !only.contains(c.id())) {
                continue;
            }
            ExperimentConfig config = RealDataCases.config(c);
            assertEquals(config, ConfigCodec.read(RealDataCases.DIR.resolve(c.id() + ".json")), "regenerate " + c.id());
            long t = System.nanoTime();
            DiagnosticContext ctx = context(c, config, data.resolve(c.dataset()));
            DiagnosticSession session = new DiagnosticSession(DiagnosticCatalog.defaultChecks(), ctx);
            session.runAll(CancellationToken.none());
            for (int i = 0; i < session.size(); i++) {
                if (session.result(i).state() == CheckState.FAILED) {
                    problems.add(c.id() + ": step " + session.checks().get(i).id() + " FAILED: "
                            + session.result(i).note());
                }
            }
            try {
                CatalogAssertions.declaredAndCited(session);
            } catch (AssertionError e) {
                problems.add(c.id() + ": " + e.getMessage());
            }
            List<Finding> ranked = session.rankCauses(ProgressObserver.NONE, CancellationToken.none());
            results.put(c.id(), ranked);
            boolean ok = isRight(c, ranked);
            right += ok ? 1 : 0;
            long criticals = criticalsOnHealthy(c, ranked);
            criticalOnHealthy += criticals > 0 ? 1 : 0;
            if (!ok) {
                misses.add(c.id() + ": expected " + (c.expected() == null ? "no warning or critical" : c.expected()
                        + " in the #1 chain") + ", got " + summary(ranked) + stepOf(session, c.expected())
                        + (ranked.isEmpty() ? "" : "; #1 says: " + ranked.get(0).title()));
            }
            TrainingResult run = ctx.trainingResult();
            System.out.printf("%-32s %5.1f s  %s  monitored balanced %s  %s%n", c.id(), (System.nanoTime() - t) / 1e9,
                    ok ? "RIGHT" : "MISS ", run == null || run.lastEpoch() == null ? "-"
                            : String.format("%.2f", run.lastEpoch().balancedAccuracy()), summary(ranked));
        }
        System.out.printf("real-data scorecard: %d cases in %.0f s%n", results.size(), (System.nanoTime() - start) / 1e9);
        System.out.println(ScenarioScorecardTest.table(results, RealDataCases.expectations()));
        String line = String.format("right cause first: %d of %d; critical on healthy: %d", right, results.size(),
                criticalOnHealthy);
        System.out.println(line);
        misses.forEach(m -> System.out.println("miss: " + m));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(right >= Math.ceil(0.9 * results.size()) && criticalOnHealthy == 0,
                line + " (goal: 90% first, no critical on healthy)\n" + String.join("\n", misses));
    }

    /** The scenario scorecard's rule, plus: a healthy case raises nothing critical besides its expected finding. */
    static boolean isRight(RealDataCases.Case c, List<Finding> ranked) {
        if (c.healthy() && criticalsOnHealthy(c, ranked) > 0) {
            return false;
        }
        if (c.expected() == null) {
            return ranked.stream().allMatch(f -> f.severity() == Severity.INFO);
        }
        return ScenarioScorecardTest.firstChain(ranked).contains(c.expected());
    }

    /** Why the expected finding's step did not lead: its state and note (e.g. the measured margin it missed). */
    static String stepOf(DiagnosticSession session, String expected) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < session.size(); i++) {
            if (expected != null && session.checks().get(i).findingIds().contains(expected)) {
                StepResult r = session.result(i);
                out.append("; step ").append(session.checks().get(i).id()).append(' ').append(r.state())
                        .append(r.note() == null || r.note().isBlank() ? "" : ": " + r.note());
            }
        }
        return out.toString();
    }

    static long criticalsOnHealthy(RealDataCases.Case c, List<Finding> ranked) {
        return !c.healthy() ? 0 : ranked.stream()
                .filter(f -> f.severity() == Severity.CRITICAL && !f.id().equals(c.expected())).count();
    }

    static String summary(List<Finding> ranked) {
        return ranked.stream().map(f -> "#" + f.rank() + (f.under() == null ? " " : " ↳") + f.id() + "("
                + f.severity().json().charAt(0) + (f.fix() != null && f.fix().trial() != null
                ? String.format(" %.2f→%.2f", f.fix().trial().balancedAccuracyBefore(),
                f.fix().trial().balancedAccuracyAfter()) : "") + ")").toList().toString();
    }

    /** The same session set-up as the generated scorecard: default engine, 4-epoch trials on at most 300 images. */
    static DiagnosticContext context(RealDataCases.Case c, ExperimentConfig config, Path dataset) throws Exception {
        CachingTrialRunner trials = new CachingTrialRunner(Engines.defaultEngine(), TrialBudget.of(0, 4, 300), TRIALS);
        if (c.csv()) {
            return DiagnosticContext.forTable(config, TableExperiment.load(dataset, config)).trials(trials).build();
        }
        ImageDataset images = new DatasetLoader().load(dataset, config.data().imageSize(), config.data().channels(),
                ProgressObserver.NONE, CancellationToken.none());
        return DiagnosticContext.builder(config, images).trials(trials).build();
    }
}
