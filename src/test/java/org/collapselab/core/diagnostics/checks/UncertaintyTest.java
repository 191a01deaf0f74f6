package org.collapselab.core.diagnostics.checks;

import static org.collapselab.core.diagnostics.checks.Facts.bars;
import static org.collapselab.core.diagnostics.checks.Facts.config;
import static org.collapselab.core.diagnostics.checks.Facts.confusion;
import static org.collapselab.core.diagnostics.checks.Facts.ctx;
import static org.collapselab.core.diagnostics.checks.Facts.epoch;
import static org.collapselab.core.diagnostics.checks.Facts.falling;
import static org.collapselab.core.diagnostics.checks.Facts.result;
import static org.collapselab.core.diagnostics.checks.Facts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.CauseRanker;
import org.collapselab.core.diagnostics.DataFindings;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.FixTrial;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.diagnostics.Uncertainty;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.Json;
import org.junit.jupiter.api.Test;

/** Findings too uncertain to decide: intervals that span the threshold, and validation splits too small to measure. */
class UncertaintyTest {
    private static final ImageDataset BALANCED = bars(30, 30, 30);

    private static List<EpochMetrics> overfitting(ConfusionMatrix last) {
        return List.of(epoch(1, 0.8, 0.8, 0.7, last), epoch(2, 0.3, 0.7, 0.9, last), epoch(3, 0.05, 1.2, 1.0, last));
    }

    @Test
    void overfittingOnFifteenValidationImagesIsInconclusive() throws Exception {
        // Validation accuracy 0.60 on 15 images: Wilson 0.36–0.80 spans the rule's 1.00 − 0.25 = 0.75.
        List<Finding> few = run(new OverfittingCheck(), ctx(config(), BALANCED,
                result(RunStatus.COMPLETED, overfitting(confusion(3, 2)), falling(30, 1, 0.05), List.of())));
        assertEquals(1, few.size());
        Finding f = few.get(0);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.inconclusive());
        assertTrue(f.inconclusiveReason().contains("spans the threshold 0.75"), f.inconclusiveReason());
        assertTrue(f.inconclusiveReason().contains("would be warning"), f.inconclusiveReason());
        // The same accuracy on 150 images (0.52–0.68) decides it.
        List<Finding> many = run(new OverfittingCheck(), ctx(config(), BALANCED,
                result(RunStatus.COMPLETED, overfitting(confusion(30, 20)), falling(30, 1, 0.05), List.of())));
        assertEquals(Severity.WARNING, many.get(0).severity());
        assertFalse(many.get(0).inconclusive());
    }

    @Test
    void stillImprovingJustBelowGoodEnoughOnFewImagesIsInconclusive() throws Exception {
        // Balanced accuracy 0.83: on 18 images its interval reaches above 0.9, on 900 it does not.
        TrainingResult few = result(RunStatus.COMPLETED, List.of(epoch(1, 1.0, 1.0, 0.5, confusion(5, 1))),
                falling(50, 1.1, 0.5), List.of());
        Finding f = run(new StillImprovingCheck(), ctx(config("training.epochs=1"), BALANCED, few)).get(0);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.inconclusive(), f.toString());
        TrainingResult many = result(RunStatus.COMPLETED, List.of(epoch(1, 1.0, 1.0, 0.5, confusion(250, 50))),
                falling(50, 1.1, 0.5), List.of());
        Finding g = run(new StillImprovingCheck(), ctx(config("training.epochs=1"), BALANCED, many)).get(0);
        assertEquals(Severity.WARNING, g.severity());
        assertFalse(g.inconclusive());
    }

    @Test
    void aClearCollapseStaysCritical() throws Exception {
        // Every validation image answered 'a': no resample moves balanced accuracy off chance.
        int[][] allA = {{10, 0, 0}, {10, 0, 0}, {10, 0, 0}};
        TrainingResult r = result(RunStatus.COMPLETED, List.of(epoch(1, 1.1, 1.1, 0.4,
                new ConfusionMatrix(List.of("a", "b", "c"), allA))), falling(10, 1.2, 1.1), List.of());
        Finding f = run(new CollapsedPredictionsCheck(), ctx(config(), BALANCED, r)).get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertFalse(f.inconclusive());
    }

    @Test
    void inconclusiveIsWrittenToJsonWithItsReasonAndLeftOutOtherwise() throws Exception {
        Finding plain = new Finding("overfitting", Severity.WARNING, 1, "t", "e", new Evidence(0.4, 0.25, "s"), null);
        assertFalse(Json.MAPPER.writeValueAsString(plain).contains("inconclusive"));
        String json = Json.MAPPER.writeValueAsString(plain.asInconclusive("too few images"));
        var tree = Json.MAPPER.readTree(json);
        assertTrue(tree.path("inconclusive").asBoolean(), json);
        assertEquals("too few images (would be warning)", tree.path("inconclusiveReason").asText(), json);
        assertEquals("info", tree.path("severity").asText(), json);
        Finding back = Json.MAPPER.readValue(json, Finding.class);
        assertTrue(back.inconclusive());
        assertEquals(Severity.INFO, back.severity());
    }

    @Test
    void sixImagesPerClassPutTheTinyValidationSplitFirstAndStillImprovingBelowIt() throws Exception {
        ImageDataset six = bars(6, 6, 6);
        ExperimentConfig config = config();
        List<Finding> data = DataFindings.of(six, config);
        assertEquals(Uncertainty.VALIDATION_TOO_SMALL, data.get(0).id(), data.toString());
        Finding tooSmall = data.get(0);
        assertTrue(tooSmall.title().contains("3 images, 1.0 per class"), tooSmall.title());
        assertEquals(Map.of("data.folds", 5), tooSmall.fix().set());
        // Still improving with a trial that gained a lot: without the tiny-split rule it would rank first.
        List<Finding> all = new ArrayList<>(data);
        all.add(new Finding("still-improving", Severity.WARNING, 0, "still falling", "e",
                new Evidence(0.3, 0.05, "s"), new Fix("Train for 30 epochs", Map.of("training.epochs", 30),
                new FixTrial(0.33, 0.67))));
        List<Finding> ranked = CauseRanker.arrange(all, Map.of());
        assertEquals(Uncertainty.VALIDATION_TOO_SMALL, ranked.get(0).id());
        assertEquals(1, ranked.get(0).rank());
        Finding still = ranked.stream().filter(f -> f.id().equals("still-improving")).findFirst().orElseThrow();
        assertTrue(still.rank() > 1, ranked.toString());
        assertTrue(still.inconclusive());
        assertEquals(Severity.INFO, still.severity());
        assertTrue(still.inconclusiveReason().contains("validation split of 1.0 images per class"), still.inconclusiveReason());
    }

    @Test
    void aCollapseOnOneValidationImagePerClassIsInconclusiveBesideTheTinySplit() throws Exception {
        // The real tiny textures: 18 images, one per class in validation, all answered 'a'. A bootstrap within classes
        // of one image never moves, so the collapse's own interval calls it certain; the tiny split says otherwise.
        ImageDataset six = bars(6, 6, 6);
        int[][] allA = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}};
        TrainingResult r = result(RunStatus.COMPLETED, List.of(epoch(1, 1.1, 1.1, 0.4,
                new ConfusionMatrix(List.of("a", "b", "c"), allA))), falling(10, 1.2, 1.1), List.of());
        List<Finding> all = new ArrayList<>(DataFindings.of(six, config()));
        List<Finding> collapse = run(new CollapsedPredictionsCheck(), ctx(config(), six, r));
        assertEquals(Severity.CRITICAL, collapse.get(0).severity(), "on its own the check still says critical");
        all.addAll(collapse);
        List<Finding> ranked = CauseRanker.arrange(all, Map.of());
        assertEquals(Uncertainty.VALIDATION_TOO_SMALL, ranked.get(0).id());
        Finding collapsed = ranked.stream().filter(f -> f.id().equals("collapsed-predictions")).findFirst().orElseThrow();
        assertTrue(collapsed.inconclusive(), collapsed.toString());
        assertEquals(Severity.INFO, collapsed.severity());
        assertTrue(collapsed.inconclusiveReason().contains("validation split of 1.0 images per class")
                && collapsed.inconclusiveReason().contains("would be critical"), collapsed.inconclusiveReason());
        assertTrue(ranked.stream().noneMatch(f -> f.severity() == Severity.CRITICAL), ranked.toString());
    }

    @Test
    void aLargeValidationSplitOrOneRareClassIsNotTooSmall() throws Exception {
        assertTrue(DataFindings.of(BALANCED, config()).stream()
                .noneMatch(f -> f.id().equals(Uncertainty.VALIDATION_TOO_SMALL)));
        // One rare class (the bundled imbalanced sample's shape) is tiny-class's business.
        assertTrue(DataFindings.of(bars(90, 16, 16), config()).stream()
                .noneMatch(f -> f.id().equals(Uncertainty.VALIDATION_TOO_SMALL)));
    }
}
