package org.collapselab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.Json;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data.folds}: k runs on stratified folds, reported as each fold's figures and their mean and spread. */
@Tag("slow")
class CrossValidationRunTest {
    private static ExperimentConfig tiny(String... more) throws Exception {
        List<String> sets = new java.util.ArrayList<>(List.of("data.imageSize=8", "data.channels=1",
                "training.batchSize=8", "training.epochs=2",
                "model.layers=[{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}]"));
        sets.addAll(List.of(more));
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), sets);
    }

    @Test
    void threeFoldsOnSixImagesPerClassReportEveryFoldAndTheirSpread(@TempDir Path dir) throws Exception {
        ImageDataset six = InMemoryData.bars(8, 1, 3, 6, 6);
        RunOutcome outcome = new ExperimentRunner(new Dl4jTrainingEngine()).run(tiny("data.folds=3"), six, null, dir,
                TrainingObserver.NONE, CancellationToken.none());

        CrossValidation cv = outcome.crossValidation();
        assertNotNull(cv);
        assertEquals(3, cv.folds());
        assertEquals(List.of(1, 2, 3), cv.results().stream().map(CrossValidation.Fold::fold).toList());
        // Every image validated once: 12 images, 4 per fold, 8 to train on.
        cv.results().forEach(f -> assertEquals(4, f.validation(), f.toString()));
        cv.results().forEach(f -> assertEquals(8, f.train(), f.toString()));
        cv.results().forEach(f -> assertEquals(2, f.epochs(), f.toString()));
        double[] balanced = cv.results().stream().mapToDouble(CrossValidation.Fold::balancedAccuracy).toArray();
        assertEquals(java.util.Arrays.stream(balanced).average().orElseThrow(), cv.balancedAccuracy().mean(), 1e-12);
        assertEquals(java.util.Arrays.stream(balanced).min().orElseThrow(), cv.balancedAccuracy().min(), 1e-12);
        assertEquals(java.util.Arrays.stream(balanced).max().orElseThrow(), cv.balancedAccuracy().max(), 1e-12);
        // Fold 1 is the run recorded; the report holds all folds as sub-results of its final section.
        assertEquals(outcome.result().lastEpoch().balancedAccuracy(), cv.results().get(0).balancedAccuracy(), 1e-12);
        JsonNode report = Json.MAPPER.readTree(dir.resolve(RunReport.FILE).toFile());
        JsonNode folds = report.path("final").path("crossValidation");
        assertEquals(3, folds.path("folds").asInt());
        assertEquals(3, folds.path("results").size());
        assertEquals(cv.balancedAccuracy().std(), folds.path("balancedAccuracy").path("std").asDouble(), 1e-12);
        assertTrue(report.path("final").has("balancedAccuracyLow"), report.path("final").toString());
        assertEquals(cv, RunReport.read(dir).finalResult().crossValidation());
        // The tiny split is the first finding of the run.
        assertEquals("validation-too-small", outcome.findings().get(0).id());
    }

    @Test
    void oneFoldIsAnOrdinaryRun() throws Exception {
        RunOutcome outcome = new ExperimentRunner(new Dl4jTrainingEngine()).run(tiny(),
                InMemoryData.bars(8, 1, 3, 20, 20), null, null, TrainingObserver.NONE, CancellationToken.none());
        assertNull(outcome.crossValidation());
    }
}
