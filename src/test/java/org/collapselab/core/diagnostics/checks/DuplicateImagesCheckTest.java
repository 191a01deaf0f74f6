package org.collapselab.core.diagnostics.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.DuplicatePlanter;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.CatalogAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateImagesCheckTest {
    @TempDir
    static Path dir;
    static ImageDataset data;
    static ExperimentConfig config;

    @BeforeAll
    static void plantCopies() throws Exception {
        ShapesGenerator.generate(dir, ShapesGenerator.Options.balanced(30, 32, 7));
        DuplicatePlanter.plant(dir, 2, 2, 1);
        config = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("data.imageSize=16", "data.channels=1",
                "training.epochs=1", "training.batchSize=16",
                "model.layers=[{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}]"));
        data = new DatasetLoader().load(dir, 16, 1, ProgressObserver.NONE, CancellationToken.none());
    }

    private static List<Finding> run(ExperimentConfig cfg, DiagnosticContext ctx) {
        DuplicateImagesCheck check = new DuplicateImagesCheck();
        assertEquals(null, check.notApplicable(ctx));
        List<Finding> findings = check.run(ctx, ProgressObserver.NONE, CancellationToken.none());
        CatalogAssertions.declaredAndCited(check, findings);
        return findings;
    }

    @Test
    void reportsEachKindWithExamplePairsAndOffersToLeaveThemOut() {
        DiagnosticContext ctx = DiagnosticContext.builder(config, data).build();
        DuplicateImagesCheck.Summary summary = DuplicateImagesCheck.summarize(ctx);
        assertEquals(15, summary.pairs().size());
        assertEquals(3, summary.count(DuplicateImagesCheck.Kind.CONFLICTING_LABELS), "the misfiled JPEGs");
        assertEquals(12, summary.count(DuplicateImagesCheck.Kind.WITHIN_CLASS)
                + summary.count(DuplicateImagesCheck.Kind.ACROSS_SPLIT));

        List<Finding> findings = run(config, ctx);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.title().startsWith("15 copies: "), f.title());
        assertTrue(f.title().contains("3 with a different label"), f.title());
        assertEquals(true, f.fix().set().get(ConfigPaths.DROP_DUPLICATES));
        ChartData pairs = ctx.charts("duplicate-images").get(0);
        assertEquals(DuplicateImagesCheck.PAIRS_CHART, pairs.id());
        assertEquals(8, pairs.series().size(), "four pairs, side by side");
        assertTrue(pairs.series().get(1).name().contains("other label"), pairs.series().get(1).name());
        assertTrue(pairs.series().get(5).name().contains("same class") || pairs.series().get(3).name().contains("same class"),
                "one pair of each kind found: " + pairs.series());
    }

    @Test
    void withTheFixAppliedNoCopyIsLeftInTheSplit() throws Exception {
        ExperimentConfig fixed = ConfigCodec.withValues(config, java.util.Map.of(ConfigPaths.DROP_DUPLICATES, true));
        assertTrue(ConfigCodec.toJson(fixed).contains("\"dropDuplicates\" : true"), "shows in config.json");
        assertEquals(List.of(), run(fixed, DiagnosticContext.builder(fixed, data).build()));
    }

    @Test
    @Tag("slow")
    void aRetrainWithTheFixTrainsAndValidatesWithoutTheCopies(@TempDir Path runs) throws Exception {
        ExperimentConfig fixed = ConfigCodec.withValues(config, java.util.Map.of(ConfigPaths.DROP_DUPLICATES, true));
        ExperimentRunner runner = new ExperimentRunner(Engines.defaultEngine());
        RunOutcome before = runner.run(config, data, null, runs.resolve("before"), TrainingObserver.NONE,
                CancellationToken.none());
        RunOutcome after = runner.run(fixed, data, null, runs.resolve("after"), TrainingObserver.NONE,
                CancellationToken.none());

        assertEquals(data.count(), before.report().dataset().train() + before.report().dataset().validation());
        // 12 copies leave (one of each same-label pair stays) and the 3 misfiled pairs go whole.
        assertEquals(data.count() - 18, after.report().dataset().train() + after.report().dataset().validation());
        assertTrue(after.report().dataset().validation() < before.report().dataset().validation()
                || after.report().dataset().train() < before.report().dataset().train());
        assertEquals(after.report().dataset().validation(), after.result().lastEpoch().confusion().total(),
                "the run validated on the reduced split");
    }
}
