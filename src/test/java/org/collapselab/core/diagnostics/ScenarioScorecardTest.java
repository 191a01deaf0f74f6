package org.collapselab.core.diagnostics;

import org.collapselab.core.training.TrialBudget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.collapselab.core.experiment.CachingTrialRunner;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.CatalogAssertions;
import org.collapselab.testsupport.ScenarioData;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.data.samples.CsvScenarios;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnostics scorecard (issue 4, point 6): every scenario config in sample-data/scenarios runs the
 * full diagnostic session with cause ranking on its dataset; the expected finding must rank first, and
 * healthy configs must raise no warning or critical finding. Prints a precision/recall table per finding id.
 */
/** Minutes of training on 2 cores: runs with {@code mvn -B verify -Preliability}, outside the default suite. */
@Tag("scorecard")
class ScenarioScorecardTest {
    static final Path SCENARIOS = Path.of("sample-data", "scenarios");

    /** A scenario and the finding expected first (null for healthy configs). */
    record Scenario(String id, String expected) {
    }
    static final Map<String, ImageDataset> DATA = new ConcurrentHashMap<>();
    static final Map<String, TrainingResult> CACHE = new ConcurrentHashMap<>();

    @TempDir
    static Path generated;

    /** The scenario's dataset at its config's size: bundled ones loaded from sample-data, the others generated. */
    static ImageDataset data(String dataset, ExperimentConfig config) throws Exception {
        String key = dataset + "@" + config.data().imageSize() + "x" + config.data().channels();
        ImageDataset cached = DATA.get(key);
        if (cached != null) {
            return cached;
        }
        Path root = Path.of("sample-data", dataset);
        if (!Files.isDirectory(root)) {
            root = generated.resolve(dataset);
            if (!Files.isDirectory(root)) {
                Scenarios.generate(root, dataset);
            }
        }
        ImageDataset loaded = new DatasetLoader().load(root, config.data().imageSize(), config.data().channels(),
                ProgressObserver.NONE, CancellationToken.none());
        DATA.put(key, loaded);
        return loaded;
    }

    /** Runs one scenario's full session and ranking; returns the ranked findings. */
    static List<Finding> diagnose(String scenario, StringBuilder log) throws Exception {
        return diagnose(scenario, log, new ArrayList<>());
    }

    /**
     * As {@link #diagnose(String, StringBuilder)}, adding to {@code problems} every step that ended FAILED, every
     * finding id a check emitted without declaring it, and every evidence source citing an internal document.
     */
    static List<Finding> diagnose(String scenario, StringBuilder log, List<String> problems) throws Exception {
        ExperimentConfig config = ConfigCodec.read(SCENARIOS.resolve(scenario + ".json"));
        ImageDataset data = data(Scenarios.datasetFor(scenario), config);
        DiagnosticContext.Builder builder = DiagnosticContext.builder(config, data)
                .trials(new CachingTrialRunner(org.collapselab.core.experiment.Engines.defaultEngine(), TrialBudget.of(0, 4, 300), CACHE));
        if (scenario.equals("preprocessing-mismatch")) {
            builder.predictSet(ScenarioData.rescaled(data, 0.4));
        }
        DiagnosticContext ctx = builder.build();
        DiagnosticSession session = new DiagnosticSession(DiagnosticCatalog.defaultChecks(), ctx);
        CancellationToken cancel = CancellationToken.none();
        session.runAll(cancel);
        for (int i = 0; i < session.size(); i++) {
            StepResult r = session.result(i);
            if (r.state() == CheckState.FAILED) {
                log.append("    step ").append(session.checks().get(i).id()).append(" FAILED: ").append(r.note()).append('\n');
                problems.add(scenario + ": step " + session.checks().get(i).id() + " FAILED: " + r.note());
            }
            if (r.seconds() > 2) {
                log.append(String.format("    %-26s %5.1f s%n", session.checks().get(i).id(), r.seconds()));
            }
        }
        org.collapselab.core.training.TrainingResult run = ctx.trainingResult();
        if (run != null) {
            log.append(String.format("    monitored run: %s, %d epochs, balanced accuracy %s, %d layer samples%n",
                    run.status(), run.epochs().size(), run.lastEpoch() == null ? "-"
                            : String.format("%.2f", run.lastEpoch().balancedAccuracy()), run.layerHistory().size()));
            if (!run.layerHistory().isEmpty()) {
                for (var layer : run.layerHistory().get(run.layerHistory().size() - 1).layers()) {
                    log.append(String.format("      %-12s dead %.2f ratio %.2e grad %.2e saturated %.2f%n", layer.name(),
                            layer.deadFraction(), layer.updateRatio(), layer.gradientNorm(), layer.saturatedFraction()));
                }
            }
            double[] losses = run.iterations().stream().mapToDouble(org.collapselab.core.training.IterationSample::loss).toArray();
            log.append("      losses " + java.util.Arrays.toString(java.util.Arrays.stream(losses).map(v -> Math.round(v * 1000) / 1000.0).toArray()) + "\n");
        }
        long t = System.nanoTime();
        try {
            CatalogAssertions.declaredAndCited(session);
        } catch (AssertionError e) {
            problems.add(scenario + ": " + e.getMessage());
        }
        List<Finding> ranked = session.rankCauses(ProgressObserver.NONE, cancel);
        log.append(String.format("    %-26s %5.1f s%n", "ranking", (System.nanoTime() - t) / 1e9));
        return ranked;
    }

    @Test
    void rightFindingRanksFirstAndHealthyConfigsStayQuiet() throws Exception {
        Map<String, List<Finding>> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        // -Dscorecard.only=dying-relu,imbalance runs a subset (a quick check of one change; the table covers it only).
        List<String> only = List.of(System.getProperty("scorecard.only", "").split(",")).stream()
                .filter(x -> !x.isBlank()).toList();
        for (String id : Scenarios.all().keySet()) {
            if (!only.isEmpty() && !only.contains(id)) {
                continue;
            }
            Scenario s = new Scenario(id, Scenarios.expectedFinding(id));
            assertTrue(Files.isRegularFile(SCENARIOS.resolve(s.id() + ".json")), "missing scenario " + s.id());
            assertEquals(Scenarios.config(id), ConfigCodec.read(SCENARIOS.resolve(id + ".json")), "regenerate " + id);
            long t = System.nanoTime();
            StringBuilder log = new StringBuilder();
            List<Finding> ranked = diagnose(id, log, failures);
            results.put(s.id(), ranked);
            String top = ranked.isEmpty() ? "-" : ranked.get(0).id();
            System.out.printf("%-28s %5.1f s  top=%-28s %s%n", s.id(), (System.nanoTime() - t) / 1e9, top,
                    ranked.stream().map(f -> "#" + f.rank() + (f.under() == null ? " " : " ↳")
                            + f.id() + "(" + f.severity().json().charAt(0)
                            + (f.fix() != null && f.fix().trial() != null
                            ? String.format(" %.2f→%.2f", f.fix().trial().balancedAccuracyBefore(),
                            f.fix().trial().balancedAccuracyAfter()) : "") + ")").toList());
            System.out.print(log);
            if (s.expected() != null && !firstChain(ranked).contains(s.expected())) {
                failures.add(s.id() + ": expected " + s.expected() + " in the #1 cause chain, got " + firstChain(ranked));
            }
            if (s.expected() == null) {
                ranked.stream().filter(f -> f.severity() != Severity.INFO)
                        .forEach(f -> failures.add(s.id() + ": healthy config raised " + f.severity().json() + " " + f.id()));
            }
        }
        System.out.printf("scorecard: %d scenarios in %.0f s%n", results.size(), (System.nanoTime() - start) / 1e9);
        System.out.println(table(results));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * The ids of the #1 entry: its root and the findings its cause explains (its chain), not those merged in for
     * offering the same fix. A scenario's cause counts as ranked first when it is the root, or a link of the root's
     * chain (e.g. dead-relu under the learning rate too high that killed the units).
     */
    static List<String> firstChain(List<Finding> ranked) {
        return ranked.stream().filter(f -> f.rank() == 1 && (f.under() == null
                || f.under().relation() == FindingLink.Relation.SYMPTOM)).map(Finding::id).toList();
    }

    /**
     * The CSV scenarios ({@link CsvScenarios}): the same full session and ranking on the rows of the bundled CSV samples
     * or their generated variants, with the same pass rule and table. Run alone with
     * {@code -Dtest=ScenarioScorecardTest#csvScenariosRankTheirCauseFirst -Dgroups=scorecard}.
     */
    @Test
    void csvScenariosRankTheirCauseFirst() throws Exception {
        Map<String, List<Finding>> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        List<String> only = List.of(System.getProperty("scorecard.only", "").split(",")).stream()
                .filter(x -> !x.isBlank()).toList();
        for (String id : CsvScenarios.all().keySet()) {
            if (!only.isEmpty() && !only.contains(id)) {
                continue;
            }
            assertEquals(CsvScenarios.config(id), ConfigCodec.read(SCENARIOS.resolve(id + ".json")), "regenerate " + id);
            long t = System.nanoTime();
            ExperimentConfig config = CsvScenarios.config(id);
            TableDataset rows = TableExperiment.load(CsvScenarios.dataFor(id, Path.of("sample-data"), generated),
                    config);
            DiagnosticContext ctx = DiagnosticContext.forTable(config, rows)
                    .trials(new CachingTrialRunner(org.collapselab.core.experiment.Engines.defaultEngine(),
                            TrialBudget.of(0, 4, 300), CACHE))
                    .build();
            DiagnosticSession session = new DiagnosticSession(DiagnosticCatalog.defaultChecks(), ctx);
            session.runAll(CancellationToken.none());
            for (int i = 0; i < session.size(); i++) {
                if (session.result(i).state() == CheckState.FAILED) {
                    failures.add(id + ": step " + session.checks().get(i).id() + " FAILED: " + session.result(i).note());
                }
            }
            CatalogAssertions.declaredAndCited(session);
            List<Finding> ranked = session.rankCauses(ProgressObserver.NONE, CancellationToken.none());
            results.put(id, ranked);
            String top = ranked.isEmpty() ? "-" : ranked.get(0).id();
            TrainingResult run = ctx.trainingResult();
            System.out.printf("%-40s %5.1f s  monitored balanced %s  top=%-24s %s%n", id, (System.nanoTime() - t) / 1e9,
                    run == null || run.lastEpoch() == null ? "-" : String.format("%.2f", run.lastEpoch().balancedAccuracy()),
                    top, ranked.stream().map(f -> f.id() + "(" + f.severity().json().charAt(0)
                            + (f.fix() != null && f.fix().trial() != null
                            ? String.format(" %.2f→%.2f", f.fix().trial().balancedAccuracyBefore(),
                            f.fix().trial().balancedAccuracyAfter()) : "") + ")").toList());
            // What decided the ranking: the #1 finding's words, the monitored run's curve and layers, the range test.
            if (!ranked.isEmpty()) {
                System.out.println("    #1 says: " + ranked.get(0).title());
            }
            if (run != null) {
                System.out.printf("    monitored run: %s, balanced by epoch %s, range-test suggestion %s%n", run.status(),
                        run.epochs().stream().map(e -> String.format("%.2f", e.balancedAccuracy())).toList(),
                        String.valueOf((Object) ctx.fact(DiagnosticContext.SUGGESTED_LEARNING_RATE)));
                if (!run.layerHistory().isEmpty()) {
                    for (var layer : run.layerHistory().get(run.layerHistory().size() - 1).layers()) {
                        System.out.printf("      %-12s dead %.2f ratio %.2e grad %.2e saturated %.2f%n", layer.name(),
                                layer.deadFraction(), layer.updateRatio(), layer.gradientNorm(),
                                layer.saturatedFraction());
                    }
                }
            }
            String expected = CsvScenarios.expectedFinding(id);
            if (expected != null && !firstChain(ranked).contains(expected)) {
                failures.add(id + ": expected " + expected + " first, got " + top);
            }
            if (expected == null) {
                ranked.stream().filter(f -> f.severity() == Severity.CRITICAL)
                        .forEach(f -> failures.add(id + ": fixed config raised critical " + f.id()));
            }
        }
        Map<String, String> expectations = new LinkedHashMap<>();
        CsvScenarios.all().keySet().forEach(id -> expectations.put(id, CsvScenarios.expectedFinding(id)));
        System.out.printf("CSV scorecard: %d scenarios in %.0f s%n", results.size(), (System.nanoTime() - start) / 1e9);
        System.out.println(table(results, expectations));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Per finding id: scenarios expecting it, detections (warning or critical), precision, recall, top-1 hits as the
     * #1 root, and as the root or a link of the #1 chain.
     */
    static String table(Map<String, List<Finding>> results) {
        Map<String, String> expectations = new LinkedHashMap<>();
        Scenarios.all().keySet().forEach(id -> expectations.put(id, Scenarios.expectedFinding(id)));
        return table(results, expectations);
    }

    static String table(Map<String, List<Finding>> results, Map<String, String> expectations) {
        TreeSet<String> ids = new TreeSet<>();
        results.values().forEach(list -> list.stream().filter(f -> f.severity() != Severity.INFO)
                .forEach(f -> ids.add(f.id())));
        List<Scenario> all = expectations.entrySet().stream().filter(e -> results.containsKey(e.getKey()))
                .map(e -> new Scenario(e.getKey(), e.getValue())).toList();
        all.stream().filter(s -> s.expected() != null).forEach(s -> ids.add(s.expected()));
        StringBuilder out = new StringBuilder(String.format("%-28s %8s %4s %4s %4s %9s %7s %6s %9s%n", "finding",
                "expected", "TP", "FP", "FN", "precision", "recall", "root-1", "#1 chain"));
        for (String id : ids) {
            int expected = 0, tp = 0, fp = 0, fn = 0, top = 0, chain = 0;
            for (Scenario s : all) {
                List<Finding> ranked = results.get(s.id());
                boolean raised = ranked.stream().anyMatch(f -> f.id().equals(id) && f.severity() != Severity.INFO);
                boolean wanted = id.equals(s.expected());
                expected += wanted ? 1 : 0;
                tp += wanted && raised ? 1 : 0;
                fp += !wanted && raised ? 1 : 0;
                fn += wanted && !raised ? 1 : 0;
                top += wanted && !ranked.isEmpty() && ranked.get(0).id().equals(id) ? 1 : 0;
                chain += wanted && firstChain(ranked).contains(id) ? 1 : 0;
            }
            out.append(String.format("%-28s %8d %4d %4d %4d %9s %7s %6s %9s%n", id, expected, tp, fp, fn,
                    tp + fp == 0 ? "-" : String.format("%.2f", (double) tp / (tp + fp)),
                    expected == 0 ? "-" : String.format("%.2f", (double) tp / expected),
                    expected == 0 ? "-" : top + "/" + expected, expected == 0 ? "-" : chain + "/" + expected));
        }
        out.append("(FP counts every scenario where the finding was raised but was not the scenario's cause, including "
                + "symptoms such as collapsed-predictions that legitimately accompany other causes.)");
        return out.toString();
    }
}
