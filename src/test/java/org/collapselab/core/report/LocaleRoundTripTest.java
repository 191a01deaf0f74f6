package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.Evidence;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a German or French default locale (decimal comma) every file the app writes is byte for byte what it is
 * under English, and reads back to the same values.
 */
class LocaleRoundTripTest {
    private static final Locale[] FOREIGN = {Locale.GERMANY, Locale.FRANCE};
    private final Locale original = Locale.getDefault();

    @TempDir
    Path dir;

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(original);
    }

    /** Everything written under one locale, by file name. */
    private Map<String, byte[]> writeAll(Locale locale) throws Exception {
        Locale.setDefault(locale);
        Path folder = Files.createDirectories(dir.resolve(locale.toLanguageTag()));
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(),
                List.of("training.learningRate=0.0125", "data.validationFraction=0.25", "training.l2=1.5e-4"));
        ConfigCodec.write(config, folder.resolve("config.json"));
        List<EpochMetrics> epochs = epochs();
        MetricsCsvWriter.writeMetrics(folder, epochs);
        MetricsCsvWriter.writeIterations(folder, List.of(new IterationSample(1, 1, 0.6931, 0.0125),
                new IterationSample(2, 1, 0.5125, 0.0125)));
        RunReport report = report(config, epochs);
        report.write(folder);
        Files.writeString(folder.resolve("report.html"), HtmlReportWriter.render(report, steps()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of("config.json", "metrics.csv", "iterations.csv", "report.json", "report.html")) {
            files.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        return files;
    }

    @Test
    void everyFileIsTheSameAsUnderEnglish() throws Exception {
        Map<String, byte[]> english = writeAll(Locale.US);
        for (Locale locale : FOREIGN) {
            Map<String, byte[]> foreign = writeAll(locale);
            for (String name : english.keySet()) {
                assertArrayEquals(english.get(name), foreign.get(name), name + " under " + locale);
            }
        }
    }

    @Test
    void filesWrittenUnderAForeignLocaleReadBackToTheSameValues() throws Exception {
        for (Locale locale : FOREIGN) {
            writeAll(locale);
            Path folder = dir.resolve(locale.toLanguageTag());
            ExperimentConfig config = ConfigCodec.read(folder.resolve("config.json"));
            assertEquals(0.0125, config.training().learningRate(), locale.toString());
            assertEquals(1.5e-4, config.training().l2(), locale.toString());
            assertEquals(0.25, config.data().validationFraction(), locale.toString());
            List<String> csv = Files.readAllLines(folder.resolve("metrics.csv"));
            assertEquals("1,0.6931,0.7125,0.5,0.5,0.5,0.3333,1.0,0.5,1.25", csv.get(1), locale.toString());
            RunReport report = RunReport.read(folder);
            assertEquals(0.7125, report.epochs().get(0).validationLoss(), locale.toString());
            assertTrue(Files.readString(folder.resolve("report.html")).contains("<td>0.750</td>"),
                    "HTML numbers under " + locale);
        }
    }

    @Test
    void setValuesParseTheSameUnderEveryLocale() throws Exception {
        for (Locale locale : FOREIGN) {
            Locale.setDefault(locale);
            ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(),
                    List.of("training.learningRate=3e-4", "data.validationFraction=0.3"));
            assertEquals(3e-4, config.training().learningRate(), locale.toString());
            assertEquals(0.3, config.data().validationFraction(), locale.toString());
        }
    }

    private static List<EpochMetrics> epochs() {
        ConfusionMatrix confusion = new ConfusionMatrix(List.of("cats", "dogs"), new int[][]{{5, 5}, {0, 10}});
        List<EpochMetrics> epochs = new ArrayList<>();
        epochs.add(new EpochMetrics(1, 0.6931, 0.7125, 0.5, 0.5, 0.5, 0.3333, 1.0, 0.5, 1.25, confusion));
        epochs.add(new EpochMetrics(2, 0.4125, 0.5375, 0.75, 0.75, 0.75, 0.7333, 0.75, 0.5, 1.5, confusion));
        return epochs;
    }

    private static RunReport report(ExperimentConfig config, List<EpochMetrics> epochs) {
        Finding finding = new Finding("class-imbalance", Severity.WARNING, 1, "Imbalance", "The classes differ.",
                new Evidence(2.5, 1.5, "our measurement"), null);
        return new RunReport(RunReport.SCHEMA, RunStatus.COMPLETED, null,
                new RunReport.DatasetSection("data", List.of("cats", "dogs"), Map.of("cats", 10, "dogs", 10), 16, 4,
                        List.of()),
                config, null, epochs.stream().map(RunReport.EpochReport::of).toList(),
                RunReport.FinalSection.of(epochs.get(1)), new CollapseVerdict(false, null, null), List.of(finding));
    }

    private static StepsReport steps() {
        ChartData chart = ChartData.line("lr", "Learning rate range", "learning rate", "loss").logX()
                .series("loss", new double[]{1e-4, 1e-3, 1e-2}, new double[]{0.69, 0.55, 1.25})
                .marker("chosen 1.25e-2", ChartData.Axis.X, 0.0125).marker("baseline 0.5", ChartData.Axis.Y, 0.5)
                .build();
        return new StepsReport(StepsReport.SCHEMA, List.of(new StepsReport.Step(1, "lr-range", "Learning rate range",
                Phase.TRAINING, true, CheckState.PASSED, 2.5, null, List.of(), List.of(chart))));
    }
}
