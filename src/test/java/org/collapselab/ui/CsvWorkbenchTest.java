package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.collapselab.core.data.csv.SkippedRow;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerType;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.RunStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A CSV file in the workbench, headless through Monocle: opened like a dropped file, shown on the Data screen, and
 * trained from the Train screen through the table pipeline (real, tiny training).
 */
@Tag("gui")
class CsvWorkbenchTest extends WorkbenchFxTest {
    private static final int STEPS = 24;
    static Path sequences;
    static Path tabular;

    @BeforeAll
    static void tinyFiles() throws Exception {
        sequences = Files.writeString(shared.resolve("tiny-sequences.csv"), tinySequences(48));
        tabular = Files.writeString(shared.resolve("tiny-tabular.csv"), """
                age,income,plan,churn
                31,2400.5,basic,no
                45,,premium,yes
                27,1800,basic,no
                52,3900,premium,yes
                38,2750,basic,no
                not-a-number,3000,basic,no
                61,4100,premium,yes
                29,2100,basic,no
                """);
    }

    /** Sine waves (label 0) and the same with a level shift in the second half (label 1), {@value #STEPS} steps each. */
    static String tinySequences(int rows) {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder();
        for (int t = 0; t < STEPS; t++) {
            csv.append(String.format(Locale.ROOT, "t%02d,", t));
        }
        csv.append("label\n");
        for (int r = 0; r < rows; r++) {
            boolean shifted = r % 3 == 0;
            for (int t = 0; t < STEPS; t++) {
                double value = Math.sin(t / 3.0 + r) + 0.1 * random.nextGaussian() + (shifted && t >= STEPS / 2 ? 2 : 0);
                csv.append(String.format(Locale.ROOT, "%.3f,", value));
            }
            csv.append(shifted ? "1" : "0").append('\n');
        }
        return csv.toString();
    }

    @Override
    protected Path data() {
        return MainWindow.droppedData(sequences);
    }

    @Test
    void aSequenceCsvIsDetectedShownAndTrainedFromTheTrainScreen(FxRobot robot) throws Exception {
        waitUntil(() -> window.context().tableProperty().get() != null, 60);
        WaitForAsyncUtils.waitForFxEvents();
        TableDataset table = window.context().tableProperty().get();
        assertEquals(48, table.count());
        assertNull(window.context().datasetProperty().get(), "no image folder stays loaded next to the CSV");
        ExperimentConfig config = window.context().configProperty().get();
        assertEquals(DataKind.SEQUENCE, config.data().kind(), "the numbered columns are read as one series per row");
        assertEquals(Normalization.STANDARDIZE, config.data().normalization());
        assertEquals(LayerType.CONV1D, config.model().layers().get(0).type(), "the image layers gave way to the 1-D CNN");

        assertTrue(robot.lookup("#csvHow").queryAs(Label.class).getText().contains("24 numbered columns"));
        assertEquals(20, robot.lookup("#csvPreview").queryAs(TableView.class).getItems().size(), "the first rows");
        VBox examples = robot.lookup("#exampleSeries").queryAs(VBox.class);
        assertEquals(2, examples.getChildren().size(), "one chart of example series per class");
        LineChart<?, ?> first = (LineChart<?, ?>) examples.getChildren().get(0);
        assertEquals(4, first.getData().size(), "four example series of class 0");
        assertEquals(STEPS, first.getData().get(0).getData().size());

        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 180);
        WaitForAsyncUtils.waitForFxEvents();
        var outcome = window.trainModel().lastOutcomeProperty().get();
        assertEquals(RunStatus.COMPLETED, outcome.result().status(), String.valueOf(outcome.result().message()));
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertFalse(loss.getData().get(0).getData().isEmpty(), "loss points plotted");
        LineChart<?, ?> accuracy = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        assertEquals(1, accuracy.getData().get(1).getData().size(), "one validation accuracy point");
        List<Node> cells = List.copyOf(robot.lookup(".confusion-cell").queryAll());
        assertEquals(4, cells.size(), "a 2 × 2 confusion matrix");
        int validation = cells.stream().mapToInt(n -> Integer.parseInt(((Label) n).getText())).sum();
        assertEquals(outcome.result().lastEpoch().confusion().total(), validation);
        assertTrue(validation > 0 && validation < 48, "the validation rows of the split: " + validation);
        RunReport report = RunReport.read(outcome.runFolder());
        assertEquals(RunStatus.COMPLETED, report.status());
        assertEquals(sequences.toString(), report.dataset().path(), "the run records the CSV file as its data");
    }

    @Test
    void aTabularCsvShowsItsSkippedRowsMissingCellsAndFeatures(FxRobot robot) {
        waitUntil(() -> window.context().tableProperty().get() != null, 60);
        robot.interact(() -> window.loadDataset(tabular));
        waitUntil(() -> window.context().tableProperty().get() != null
                && window.context().tableProperty().get().source().equals(tabular), 60);
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentConfig config = window.context().configProperty().get();
        assertEquals(DataKind.TABULAR, config.data().kind(), "a new file is guessed afresh: named columns are tabular");
        assertEquals(LayerType.DENSE, config.model().layers().get(0).type());

        TableView<?> skipped = robot.lookup("#skippedRows").queryAs(TableView.class);
        assertEquals(1, skipped.getItems().size());
        assertEquals(7, ((SkippedRow) skipped.getItems().get(0)).line(), "the bad age is on line 7 of the file");
        String missing = robot.lookup("#csvMissing").queryAs(Label.class).getText();
        assertTrue(missing.contains("1 row skipped") && missing.contains("1 in income"), missing);
        TableView<?> features = robot.lookup("#featureSummary").queryAs(TableView.class);
        assertEquals(4, features.getItems().size(), "age, income and the one-hot plan=basic, plan=premium");
        @SuppressWarnings("unchecked")
        ComboBox<String> label = robot.lookup("#csvLabelColumn").queryAs(ComboBox.class);
        assertEquals("churn", label.getValue());
        BarChart<?, ?> histogram = robot.lookup("#histogramChart").queryAs(BarChart.class);
        waitUntil(() -> histogram.getData().size() == 2, 10);
        double shareOfNo = histogram.getData().get(0).getData().stream()
                .mapToDouble(d -> ((Number) d.getYValue()).doubleValue()).sum();
        assertEquals(100, shareOfNo, 1e-9, "each class's bars add up to its rows (the empty income cell is in 'yes')");

        // What the network sees follows the Model tab: standardized by default, the raw values with normalization none.
        VBox seen = robot.lookup("#csvNetworkView").queryAs(VBox.class);
        @SuppressWarnings("unchecked")
        TableView<float[]> rows = (TableView<float[]>) seen.getChildren().get(1);
        assertTrue(Math.abs(rows.getItems().get(0)[0]) < 3, "age standardized: " + rows.getItems().get(0)[0]);
        robot.interact(() -> window.modelScreen().apply(config.withData(
                config.data().withNormalization(Normalization.NONE))));
        waitUntil(() -> ((Label) seen.getChildren().get(0)).getText().startsWith("normalization none"), 30);
        @SuppressWarnings("unchecked")
        TableView<float[]> raw = (TableView<float[]>) seen.getChildren().get(1);
        assertEquals(31, raw.getItems().get(0)[0], 1e-6, "the first kept row's age as written in the file");
    }
}
