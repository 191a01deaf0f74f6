package org.collapselab.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.RunStatus;

/**
 * Writes run folders in the format the app writes (config.json, report.json) without training, for tests that
 * need many runs or exact metrics. The metrics come from a real {@link ConfusionMatrix} so they agree with each other.
 */
public final class RunFolders {
    public static final List<String> CLASSES = List.of("cat", "dog");
    private static final int PER_CLASS = 10;

    private RunFolders() {
    }

    /** The default config with {@code --set}-style overrides. */
    public static ExperimentConfig config(String... overrides) {
        try {
            return ConfigCodec.withOverrides(ConfigCodec.defaults(), Arrays.asList(overrides));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A completed run of {@code epochs} epochs whose balanced accuracy climbs from 0.5 to {@code finalCorrectDogs/10}
     * on a 10 cat + 10 dog validation set where every cat is right; with {@code finalCorrectDogs} 0 it predicts
     * "cat" for everything (collapsed). Each id in {@code findingIds} becomes a warning finding.
     */
    public static Path completed(Path folder, ExperimentConfig config, int epochs, int finalCorrectDogs,
                                 String... findingIds) throws IOException {
        List<RunReport.EpochReport> reports = new ArrayList<>();
        ConfusionMatrix last = null;
        for (int e = 1; e <= epochs; e++) {
            int dogs = Math.round((float) finalCorrectDogs * e / epochs);
            last = new ConfusionMatrix(CLASSES, new int[][]{{PER_CLASS, 0}, {PER_CLASS - dogs, dogs}});
            reports.add(new RunReport.EpochReport(e, 1.0 / e, 1.2 / e, last.accuracy(), last.accuracy(),
                    last.balancedAccuracy(), last.macroF1(), last.predictionShare(), 0.5,
                    new RunReport.ConfusionSection(last.labels(), last.counts())));
        }
        boolean collapsed = last != null && last.predictionShare() >= 0.95;
        List<Finding> findings = new ArrayList<>();
        int rank = 1;
        for (String id : findingIds) {
            findings.add(new Finding(id, Severity.WARNING, rank++, "Finding " + id, "Because " + id + ".",
                    new Evidence(1, 0.5, "test"), null));
        }
        RunReport report = new RunReport(RunReport.SCHEMA, RunStatus.COMPLETED, null,
                new RunReport.DatasetSection("memory", CLASSES, Map.of("cat", 50, "dog", 50), 80, 20, List.of()),
                config, new BackendInfo("cpu", "nd4j-native", "openblas", "test cpu").withEngine("samediff"), reports,
                last == null ? null : new RunReport.FinalSection(last.accuracy(), last.balancedAccuracy(), last.macroF1(),
                        0.5, last.predictionShare(), last.neverPredicted(),
                        new RunReport.ConfusionSection(last.labels(), last.counts())),
                collapsed ? new CollapseVerdict(true, 1, "cat") : CollapseVerdict.NONE, findings);
        java.nio.file.Files.createDirectories(folder);
        ConfigCodec.write(config, folder.resolve(RunRecorder.CONFIG_FILE));
        report.write(folder);
        return folder;
    }
}
