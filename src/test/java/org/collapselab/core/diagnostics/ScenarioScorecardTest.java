package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.training.dl4j.Dl4jTrialRunner;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.ScenarioData;
import org.collapselab.testsupport.ScenarioData.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics scorecard (issue 4, point 6): every scenario config in sample-data/scenarios runs the
 * full diagnostic session with cause ranking on its dataset; the expected finding must rank first, and
 * healthy configs must raise no warning or critical finding. Prints a precision/recall table per finding id.
 */
@Tag("slow")
class ScenarioScorecardTest {
    static final Path SCENARIOS = Path.of("sample-data", "scenarios");
    static final int SIZE = 16;

    /** id → dataset, expected top finding (null for healthy), whether a differently prepared predict set is given. */
    record Scenario(String id, Kind data, String expected, boolean invertedPredictSet) {
    }

    static final List<Scenario> ALL = List.of(
            new Scenario("imbalance", Kind.IMBALANCED, "class-imbalance", false),
            new Scenario("learning-rate-too-high", Kind.BALANCED, "learning-rate-too-high", false),
            new Scenario("learning-rate-too-low", Kind.BALANCED, "learning-rate-too-low", false),
            new Scenario("zero-init", Kind.BALANCED, "symmetric-init", false),
            new Scenario("identity-output-mcxent", Kind.BALANCED, "output-activation-mismatch", false),
            new Scenario("sigmoid-output-mcxent", Kind.BALANCED, "output-activation-mismatch", false),
            new Scenario("too-few-epochs", Kind.BALANCED, "still-improving", false),
            new Scenario("dying-relu", Kind.BALANCED, "dead-relu", false),
            new Scenario("vanishing-gradient", Kind.BALANCED, "vanishing-gradient", false),
            new Scenario("no-signal", Kind.NO_SIGNAL, "no-class-signal", false),
            new Scenario("spurious-brightness", Kind.BRIGHTNESS_SHORTCUT, "spurious-feature", false),
            new Scenario("preprocessing-mismatch", Kind.BALANCED, "preprocessing-mismatch", true),
            new Scenario("healthy-default", Kind.BALANCED, null, false),
            new Scenario("healthy-sgd", Kind.BALANCED, null, false),
            new Scenario("healthy-imbalanced-weighted", Kind.IMBALANCED, null, false));

    static final Map<Kind, ImageDataset> DATA = new EnumMap<>(Kind.class);
    static final Map<String, TrainingResult> CACHE = new ConcurrentHashMap<>();

    static synchronized ImageDataset data(Kind kind) {
        return DATA.computeIfAbsent(kind, k -> ScenarioData.of(k, SIZE, 42));
    }

    /** Runs one scenario's full session and ranking; returns the ranked findings. */
    static List<Finding> diagnose(Scenario s, StringBuilder log) throws Exception {
        ExperimentConfig config = ConfigCodec.read(SCENARIOS.resolve(s.id() + ".json"));
        ImageDataset data = data(s.data());
        DiagnosticContext.Builder builder = DiagnosticContext.builder(config, data)
                .trials(new Dl4jTrialRunner(new Dl4jTrainingEngine(), TrialBudget.of(0, 3, 240), CACHE));
        if (s.invertedPredictSet()) {
            builder.predictSet(ScenarioData.inverted(data));
        }
        DiagnosticContext ctx = builder.build();
        DiagnosticSession session = new DiagnosticSession(DiagnosticCatalog.defaultChecks(), ctx);
        CancellationToken cancel = CancellationToken.none();
        session.runAll(cancel);
        for (int i = 0; i < session.size(); i++) {
            StepResult r = session.result(i);
            if (r.state() == CheckState.FAILED) {
                log.append("    step ").append(session.checks().get(i).id()).append(" FAILED: ").append(r.note()).append('\n');
            }
        }
        return CauseRanker.rank(session.findings(), session.phases(), ctx, ProgressObserver.NONE, cancel);
    }

    @Test
    void rightFindingRanksFirstAndHealthyConfigsStayQuiet() throws Exception {
        Map<String, List<Finding>> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (Scenario s : ALL) {
            assertTrue(Files.isRegularFile(SCENARIOS.resolve(s.id() + ".json")), "missing scenario " + s.id());
            long t = System.nanoTime();
            StringBuilder log = new StringBuilder();
            List<Finding> ranked = diagnose(s, log);
            results.put(s.id(), ranked);
            String top = ranked.isEmpty() ? "-" : ranked.get(0).id();
            System.out.printf("%-28s %5.1f s  top=%-28s %s%n", s.id(), (System.nanoTime() - t) / 1e9, top,
                    ranked.stream().map(f -> f.id() + "(" + f.severity().json().charAt(0)
                            + (f.fix() != null && f.fix().trial() != null
                            ? String.format(" %+.2f", f.fix().trial().gain()) : "") + ")").toList());
            System.out.print(log);
            if (s.expected() != null && !s.expected().equals(top)) {
                failures.add(s.id() + ": expected " + s.expected() + " first, got " + top);
            }
            if (s.expected() == null) {
                ranked.stream().filter(f -> f.severity() != Severity.INFO)
                        .forEach(f -> failures.add(s.id() + ": healthy config raised " + f.severity().json() + " " + f.id()));
            }
        }
        System.out.printf("scorecard: %d scenarios in %.0f s%n", ALL.size(), (System.nanoTime() - start) / 1e9);
        System.out.println(table(results));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Per finding id: scenarios expecting it, detections (warning or critical), precision, recall, top-1 hits. */
    static String table(Map<String, List<Finding>> results) {
        TreeSet<String> ids = new TreeSet<>();
        results.values().forEach(list -> list.stream().filter(f -> f.severity() != Severity.INFO)
                .forEach(f -> ids.add(f.id())));
        ALL.stream().filter(s -> s.expected() != null).forEach(s -> ids.add(s.expected()));
        StringBuilder out = new StringBuilder(String.format("%-28s %8s %4s %4s %4s %9s %7s %6s%n", "finding", "expected",
                "TP", "FP", "FN", "precision", "recall", "top-1"));
        for (String id : ids) {
            int expected = 0, tp = 0, fp = 0, fn = 0, top = 0;
            for (Scenario s : ALL) {
                List<Finding> ranked = results.get(s.id());
                boolean raised = ranked.stream().anyMatch(f -> f.id().equals(id) && f.severity() != Severity.INFO);
                boolean wanted = id.equals(s.expected());
                expected += wanted ? 1 : 0;
                tp += wanted && raised ? 1 : 0;
                fp += !wanted && raised ? 1 : 0;
                fn += wanted && !raised ? 1 : 0;
                top += wanted && !ranked.isEmpty() && ranked.get(0).id().equals(id) ? 1 : 0;
            }
            out.append(String.format("%-28s %8d %4d %4d %4d %9s %7s %6s%n", id, expected, tp, fp, fn,
                    tp + fp == 0 ? "-" : String.format("%.2f", (double) tp / (tp + fp)),
                    expected == 0 ? "-" : String.format("%.2f", (double) tp / expected),
                    expected == 0 ? "-" : top + "/" + expected));
        }
        out.append("(FP counts every scenario where the finding was raised but was not the scenario's cause, including "
                + "symptoms such as collapsed-predictions that legitimately accompany other causes.)");
        return out.toString();
    }
}
