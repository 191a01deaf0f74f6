package org.collapselab.core.diagnostics.checks;

import static org.collapselab.core.diagnostics.checks.Facts.config;
import static org.collapselab.core.diagnostics.checks.Facts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.diagnostics.StepResult;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.ScenarioData;
import org.collapselab.testsupport.ShortcutModels;
import org.junit.jupiter.api.Test;

/**
 * {@code spurious-feature} judges reliance, not availability: on the bars whose classes each have their own
 * background brightness (the shortcut is available: the probe alone is near perfect), a model that reads the
 * brightness is critical, a model that reads the bars is info, and without a model the step only screens and waits.
 * The two models are hand-built so the verdict is known: nearest class mean of the image brightness, and nearest
 * class template of the per-image standardized pixels (blind to brightness and contrast by construction).
 */
class ShortcutRelianceTest {
    private static final org.collapselab.core.data.ImageDataset SHORTCUT = ScenarioData.of(ScenarioData.Kind.BRIGHTNESS_SHORTCUT, 8, 3);

    private static ExperimentConfig smallConfig() throws Exception {
        return config("data.imageSize=8", "data.channels=1", "model.layers=[]");
    }

    private static DiagnosticContext withModel(TrainedModel model) throws Exception {
        TrainingResult finished = new TrainingResult(RunStatus.COMPLETED, List.of(), null, model, null, List.of(),
                List.of(), 0);
        return DiagnosticContext.builder(smallConfig(), SHORTCUT).trainingResult(finished).build();
    }

    @Test
    void aModelThatReadsTheBrightnessIsCritical() throws Exception {
        DiagnosticContext ctx = withModel(new ShortcutModels.BrightnessModel(trainView()));
        List<Finding> findings = run(new ShortcutProbeCheck(), ctx);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Severity.CRITICAL, f.severity(), f.title());
        assertTrue(f.title().startsWith("The model relies on the 'brightness' shortcut"), f.title());
        assertTrue(f.evidence().measured() >= ShortcutReliance.RELIED_ON, "skill lost " + f.evidence().measured());
        ChartData bars = ctx.charts("spurious-feature").stream().filter(c -> c.id().equals("shortcut-counterfactual"))
                .findFirst().orElseThrow();
        List<ChartData.Point> points = bars.series().get(0).points();
        assertEquals("original images", points.get(0).category());
        assertTrue(points.get(0).y() > 0.9, "the brightness model is right on the originals: " + points.get(0).y());
        assertTrue(points.get(1).y() < 0.5, "and near chance without the brightness: " + points.get(1).y());
        assertNotNull(bars.marker("'brightness' alone " + Math.round(100 * probeAccuracy()) + "%"), bars.markers()
                .toString());
    }

    @Test
    void aModelThatReadsTheContentIsInfoThoughTheShortcutIsAvailable() throws Exception {
        DiagnosticContext ctx = withModel(new ShortcutModels.ContentModel(trainView()));
        List<Finding> findings = run(new ShortcutProbeCheck(), ctx);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        // The old rule said critical here: the brightness probe alone is ≥ 90% accurate.
        assertTrue(probeAccuracy() >= 0.9, "the shortcut is available: probe " + probeAccuracy());
        assertEquals(Severity.INFO, f.severity(), f.title());
        assertTrue(f.title().matches("Shortcut 'brightness' available, not relied on: \\d+% → \\d+%"), f.title());
        assertTrue(f.evidence().measured() < ShortcutReliance.PARTLY, "skill lost " + f.evidence().measured());
    }

    @Test
    void withoutAModelTheProbeIsOnlyAScreenAndTheStepWaits() throws Exception {
        DiagnosticContext ctx = DiagnosticContext.builder(smallConfig(), SHORTCUT).build();
        List<Finding> direct = run(new ShortcutProbeCheck(), ctx);
        assertEquals(1, direct.size());
        assertEquals(Severity.INFO, direct.get(0).severity(), "availability alone is not a critical verdict");
        DiagnosticSession session = new DiagnosticSession(List.of(new ShortcutProbeCheck()),
                DiagnosticContext.builder(smallConfig(), SHORTCUT).build());
        StepResult step = session.run(0, CancellationToken.none());
        assertEquals(CheckState.WAITING, step.state());
        assertTrue(step.findings().isEmpty(), step.findings().toString());
        assertTrue(step.note().startsWith("Shortcut available: 'brightness' alone predicts the class")
                && step.note().contains("waiting for a training run"), step.note());
        assertEquals("shortcut-probe", step.charts().get(0).id(), "the probe's bars are shown while it waits");
        assertNull(step.run());
    }

    @Test
    void aStepThatWaitedRunsAgainOnceTheMonitoredRunExists() throws Exception {
        DiagnosticContext ctx = DiagnosticContext.builder(smallConfig(), SHORTCUT).build();
        TrainedModel model = new ShortcutModels.BrightnessModel(trainView());
        var makesRun = new BaseCheck("makes-run", List.of("makes-run"), "Makes a run", "test step",
                org.collapselab.core.diagnostics.Phase.TRAINING, false) {
            @Override
            public boolean producesTrainingRun() {
                return true;
            }

            @Override
            public List<Finding> run(DiagnosticContext c, org.collapselab.core.util.ProgressObserver p,
                                     CancellationToken cancel) {
                c.trainingRun(new TrainingResult(RunStatus.COMPLETED, List.of(), null, model, null, List.of(),
                        List.of(), 0), "run-1");
                return List.of();
            }
        };
        DiagnosticSession session = new DiagnosticSession(List.of(new ShortcutProbeCheck(), makesRun), ctx);
        session.runAll(CancellationToken.none());
        StepResult step = session.result(0);
        assertEquals(CheckState.FOUND, step.state(), String.valueOf(step.note()));
        assertEquals(Severity.CRITICAL, step.worstSeverity());
        assertEquals("run-1", step.run(), "the step names the run it judged");
    }

    @Test
    void aModelThatReadsTheFileSizeLosesItWhenEveryFileHasOneSizeAndFormat(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.util.Random random = new java.util.Random(5);
        for (String cls : List.of("big", "small")) {
            java.nio.file.Files.createDirectories(dir.resolve(cls));
            int side = cls.equals("big") ? 32 : 16;
            for (int i = 0; i < 30; i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int v = random.nextInt(256);
                        image.setRGB(x, y, v << 16 | v << 8 | v);
                    }
                }
                javax.imageio.ImageIO.write(image, "png", dir.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        org.collapselab.core.data.ImageDataset files = new org.collapselab.core.data.DatasetLoader().load(dir, 8, 1,
                org.collapselab.core.util.ProgressObserver.NONE, CancellationToken.none());
        TrainingResult finished = new TrainingResult(RunStatus.COMPLETED, List.of(), null,
                new ShortcutModels.SizeModel(files.classes(), 24), null, List.of(), List.of(), 0);
        DiagnosticContext ctx = DiagnosticContext.builder(smallConfig(), files).trainingResult(finished).build();
        List<Finding> findings = run(new ShortcutProbeCheck(), ctx);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Severity.CRITICAL, f.severity(), f.title() + ": " + f.explanation());
        assertTrue(f.title().contains("'image size'") && f.title().contains(
                org.collapselab.core.explain.ShortcutCounterfactuals.COMMON_FORM), f.title());
        ChartData bars = ctx.charts("spurious-feature").stream().filter(c -> c.id().equals("shortcut-counterfactual"))
                .findFirst().orElseThrow();
        List<ChartData.Point> points = bars.series().get(0).points();
        assertEquals(1.0, points.get(0).y(), 1e-9, "the size decides the class on the original files");
        assertEquals(0.5, points.get(points.size() - 1).y(), 1e-9, "and nothing once every file has one size");
    }

    private static DataView trainView() throws Exception {
        return DiagnosticContext.builder(smallConfig(), SHORTCUT).build().train();
    }

    private static double probeAccuracy() throws Exception {
        DiagnosticContext ctx = DiagnosticContext.builder(smallConfig(), SHORTCUT).build();
        return ShortcutProbeCheck.probe(ctx.train(), ctx.validation()).get("brightness");
    }
}
