package org.collapselab.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.checks.ShortcutProbeCheck;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * A trained case for the shortcut-reliance test: the brightness-shortcut scenario (each class has its own background
 * brightness; the network learns it), generated, trained with the scenario's config, and judged by the
 * spurious-feature step with the trained model.
 */
public final class ShortcutCases {
    private ShortcutCases() {
    }

    /** A generated folder, the config trained on it, and the spurious-feature step run with the trained model. */
    public record Case(Path folder, ExperimentConfig config, ImageDataset data, TrainingResult run,
                       DiagnosticContext context, List<Finding> findings) {
    }

    /** The brightness-shortcut scenario's data and config, trained. */
    public static Case brightnessScenario(Path work) throws Exception {
        Path folder = work.resolve(Scenarios.BRIGHTNESS);
        ShapesGenerator.generate(folder, Scenarios.options(Scenarios.BRIGHTNESS));
        return trainAndJudge(folder, Scenarios.config("spurious-brightness"));
    }

    public static Case trainAndJudge(Path folder, ExperimentConfig config) throws Exception {
        ImageDataset data = new DatasetLoader().load(folder, config.data().imageSize(), config.data().channels(),
                ProgressObserver.NONE, CancellationToken.none());
        Path run = folder.resolveSibling(folder.getFileName() + "-run");
        Files.createDirectories(run);
        TrainingResult result = new ExperimentRunner(Engines.defaultEngine()).run(config, data, null, run,
                TrainingObserver.NONE, CancellationToken.none()).result();
        DiagnosticContext ctx = DiagnosticContext.builder(config, data).trainingRun(result, run.getFileName().toString())
                .build();
        List<Finding> findings = new ShortcutProbeCheck().run(ctx, ProgressObserver.NONE, CancellationToken.none());
        return new Case(folder, config, data, result, ctx, findings);
    }
}
