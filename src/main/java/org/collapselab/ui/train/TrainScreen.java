package org.collapselab.ui.train;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.LayerSample;
import org.collapselab.ui.common.NiceAxis;
import org.collapselab.ui.help.Help;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Screen 3: Start/Stop, progress and the live charts. FX thread. */
public final class TrainScreen {
    private final TrainViewModel model;
    private final BorderPane root = new BorderPane();
    private final LineChart<Number, Number> lossChart = lineChart("iteration", "loss");
    private final LineChart<Number, Number> accuracyChart = lineChart("epoch", "accuracy");
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final BarChart<String, Number> predictionChart = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 1, 0.25));
    private final BarChart<String, Number> ratioChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> activationChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label message = new Label();
    private final GridPane grid = new GridPane();
    private final Label placeholder = new Label("Press Train (Ctrl+Enter) to start a run. The loss, the accuracy against "
            + "the majority baseline, the confusion matrix and the predicted share per class fill in as it trains.");

    public TrainScreen(TrainViewModel model, Runnable onStart) {
        this.model = model;
        Button start = new Button("Train", new FontIcon(Feather.PLAY));
        start.setId("startButton");
        start.getStyleClass().add("accent");
        Help.tip(start, "Train the network with the current config on the loaded data (Ctrl+Enter)");
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> onStart.run());
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("stopButton");
        Help.tip(stop, "Stop the run after the current minibatch; what was learned so far is kept (Esc)");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        ProgressBar progress = new ProgressBar();
        progress.setId("trainProgress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(model.progressProperty());
        Label progressText = new Label();
        progressText.setId("progressText");
        progressText.textProperty().bind(model.progressTextProperty());
        Label backend = new Label();
        backend.setId("backendLabel");
        backend.getStyleClass().add("caption");
        backend.textProperty().bind(model.backendProperty());
        Tooltip backendTip = new Tooltip(); // the engine's reason can be longer than the line
        backendTip.textProperty().bind(model.backendProperty());
        backend.setTooltip(backendTip);
        Button tryModel = new Button("Try the model", new FontIcon(Feather.IMAGE));
        tryModel.setId("tryModelButton");
        tryModel.setTooltip(new Tooltip("Classify images you drop or choose with the model of the last run, and see "
                + "where it looks"));
        tryModel.disableProperty().bind(model.runningProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> trainedModelFolder() == null, model.lastOutcomeProperty())));
        tryModel.setOnAction(e -> org.collapselab.ui.tryit.TryModelView.open(root.getScene().getWindow(),
                trainedModelFolder()));
        HBox controls = new HBox(10, start, stop, tryModel, progress, progressText);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label banner = new Label();
        banner.setId("collapseBanner");
        banner.getStyleClass().add("collapse-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(model.bannerProperty());
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        Label outcome = new Label();
        outcome.setId("outcomeLabel");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());
        outcome.setTooltip(new javafx.scene.control.Tooltip(org.collapselab.ui.common.IntervalTexts.EXPLAINED));
        message.setId("trainMessage");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label comparison = new Label();
        comparison.setId("retrainComparison");
        comparison.setWrapText(true);
        comparison.getStyleClass().add("comparison-text");
        comparison.textProperty().bind(model.comparisonProperty());
        comparison.managedProperty().bind(model.comparisonProperty().isNotEmpty());
        comparison.visibleProperty().bind(model.comparisonProperty().isNotEmpty());
        VBox top = new VBox(6, controls, backend, banner, message, runsFolderOffer(), outcome, comparison);
        top.setPadding(new Insets(10));
        root.setTop(top);

        lossChart.setId("lossChart");
        lossChart.getYAxis().setLabel("loss");
        lossChart.getStyleClass().add("loss-chart");
        lossChart.setTitle("Loss");
        accuracyChart.setId("accuracyChart");
        accuracyChart.setTitle("Accuracy (dashed: majority baseline)");
        accuracyChart.getStyleClass().add("accuracy-chart");
        ((NumberAxis) accuracyChart.getYAxis()).setAutoRanging(false);
        ((NumberAxis) accuracyChart.getYAxis()).setLowerBound(0);
        ((NumberAxis) accuracyChart.getYAxis()).setUpperBound(1);
        ((NumberAxis) accuracyChart.getYAxis()).setTickUnit(0.2);
        predictionChart.setId("predictionChart");
        predictionChart.setTitle("Predicted vs true share per class");
        predictionChart.setAnimated(false);
        ratioChart.setId("ratioChart");
        ratioChart.setTitle("log10 update:parameter ratio (healthy ≈ −3)");
        ratioChart.setAnimated(false);
        ratioChart.setLegendVisible(false);
        activationChart.setId("activationChart");
        activationChart.setTitle("Activation spread and dead units");
        activationChart.setAnimated(false);
        VBox confusionBox = new VBox(6, title("Confusion matrix (validation)"), confusion);
        confusionBox.setPadding(new Insets(6, 12, 6, 12));
        VBox.setVgrow(confusion, Priority.ALWAYS);
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 10, 10, 10));
        grid.add(lossChart, 0, 0);
        grid.add(accuracyChart, 1, 0);
        grid.add(confusionBox, 2, 0);
        grid.add(predictionChart, 0, 1);
        grid.add(ratioChart, 1, 1);
        grid.add(activationChart, 2, 1);
        for (int c = 0; c < 3; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100 / 3.0);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 2; r++) {
            javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        placeholder.setId("trainPlaceholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.getStyleClass().add("caption");
        root.setCenter(new javafx.scene.layout.StackPane(grid, placeholder));
        model.addRefreshListener(this::refresh);
        refresh();
    }

    public Node node() {
        return root;
    }

    /** Shown while the runs folder cannot take runs (read-only, missing, full): another folder for this session. */
    private Node runsFolderOffer() {
        Button choose = new Button("Choose another folder for runs…", new FontIcon(Feather.FOLDER));
        choose.setId("chooseRunsFolder");
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.runsFolderProblemProperty());
        choose.setTooltip(why);
        choose.setOnAction(e -> chooseRunsFolder());
        Label session = new Label("for this session; the runs already written stay where they are");
        session.getStyleClass().add("caption");
        HBox offer = new HBox(10, choose, session);
        offer.setId("runsFolderOffer");
        offer.setAlignment(Pos.CENTER_LEFT);
        offer.visibleProperty().bind(model.runsFolderProblemProperty().isNotEmpty());
        offer.managedProperty().bind(offer.visibleProperty());
        return offer;
    }

    private void chooseRunsFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Folder for this session's runs");
        java.io.File chosen = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen == null) {
            return;
        }
        showMessage(model.useRunsFolder(chosen.toPath()));
    }

    /** The last run's folder when it holds a trained model, else null. */
    private java.nio.file.Path trainedModelFolder() {
        var outcome = model.lastOutcomeProperty().get();
        java.nio.file.Path folder = outcome == null ? null : outcome.runFolder();
        return folder != null && java.nio.file.Files.isRegularFile(
                folder.resolve(org.collapselab.core.report.RunRecorder.MODEL_FILE)) ? folder : null;
    }

    /** Shows why a run could not start (no data, memory estimate too large…). */
    public void showMessage(String text) {
        message.setText(text == null ? "" : text);
    }

    private void refresh() {
        // An empty run has no axes worth showing (JavaFX draws 0–125 by default): say what will appear instead.
        boolean empty = model.empty();
        grid.setVisible(!empty);
        placeholder.setVisible(empty);
        List<EpochMetrics> epochs = model.epochs;
        List<double[]> lossPoints = model.lossPoints();
        XYChart.Series<Number, Number> loss = series("loss (smoothed)", lossPoints);
        XYChart.Series<Number, Number> validationLoss = new XYChart.Series<>();
        validationLoss.setName("validation loss");
        for (EpochMetrics e : epochs) {
            double x = model.epochEndIteration(e.epoch());
            if (Double.isFinite(e.validationLoss()) && Double.isFinite(x)) {
                validationLoss.getData().add(new XYChart.Data<>(x, e.validationLoss()));
            }
        }
        List<XYChart.Series<Number, Number>> lossSeries = new ArrayList<>(List.of(loss, validationLoss));
        if (!model.previousLoss.isEmpty()) {
            lossSeries.add(series(model.previousName, model.previousLoss));
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (XYChart.Series<Number, Number> s : lossSeries) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                xMin = Math.min(xMin, d.getXValue().doubleValue());
                xMax = Math.max(xMax, d.getXValue().doubleValue());
            }
        }
        NiceAxis.apply((NumberAxis) lossChart.getXAxis(), Math.min(0, xMin), Double.isFinite(xMax) ? xMax : 1, 5, true);
        lossChart.getData().setAll(lossSeries);
        markPrevious(lossChart, lossSeries.size() == 3 ? 2 : -1);

        List<XYChart.Series<Number, Number>> accuracy = new ArrayList<>();
        accuracy.add(epochSeries("train", epochs, EpochMetrics::trainAccuracy));
        accuracy.add(epochSeries("validation", epochs, EpochMetrics::validationAccuracy));
        accuracy.add(epochSeries("balanced", epochs, EpochMetrics::balancedAccuracy));
        XYChart.Series<Number, Number> baseline = new XYChart.Series<>();
        baseline.setName("majority baseline");
        if (!epochs.isEmpty()) {
            double b = epochs.get(epochs.size() - 1).majorityBaseline();
            baseline.getData().add(new XYChart.Data<>(1, b));
            baseline.getData().add(new XYChart.Data<>(Math.max(2, epochs.size()), b));
        }
        accuracy.add(baseline);
        if (!model.previousEpochs.isEmpty()) {
            accuracy.add(epochSeries(model.previousName + " (validation)", model.previousEpochs,
                    EpochMetrics::validationAccuracy));
        }
        NumberAxis epochAxis = (NumberAxis) accuracyChart.getXAxis();
        NiceAxis.apply(epochAxis, 1, Math.max(2, Math.max(epochs.size(), model.previousEpochs.size())), 8, true);
        epochAxis.setLowerBound(1);
        accuracyChart.getData().setAll(accuracy);
        baseline.getNode().getStyleClass().add("baseline-series");
        markPrevious(accuracyChart, accuracy.size() == 5 ? 4 : -1);

        ConfusionMatrix matrix = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1).confusion();
        confusion.show(matrix);
        predictionChart.getData().clear();
        if (matrix != null) {
            XYChart.Series<String, Number> predicted = new XYChart.Series<>();
            predicted.setName("predicted share");
            XYChart.Series<String, Number> actual = new XYChart.Series<>();
            actual.setName("true share");
            int[] p = matrix.predictedCounts();
            int[] t = matrix.actualCounts();
            double total = Math.max(1, matrix.total());
            for (int c = 0; c < matrix.size(); c++) {
                predicted.getData().add(new XYChart.Data<>(matrix.labels().get(c), p[c] / total));
                actual.getData().add(new XYChart.Data<>(matrix.labels().get(c), t[c] / total));
            }
            predictionChart.getData().setAll(List.of(predicted, actual));
        }
        // Bar charts without data would show arbitrary 0–110 axes: they appear with their first values.
        predictionChart.setVisible(matrix != null);
        ratioChart.setVisible(model.lastLayers != null);
        activationChart.setVisible(model.lastLayers != null);
        ratioChart.getData().clear();
        activationChart.getData().clear();
        if (model.lastLayers != null) {
            XYChart.Series<String, Number> ratios = new XYChart.Series<>();
            XYChart.Series<String, Number> spread = new XYChart.Series<>();
            spread.setName("activation std");
            XYChart.Series<String, Number> dead = new XYChart.Series<>();
            dead.setName("dead ReLU share");
            for (LayerSample s : model.lastLayers.layers()) {
                String name = "L" + (s.layer() + 1);
                if (Double.isFinite(s.updateRatio()) && s.updateRatio() > 0) {
                    ratios.getData().add(new XYChart.Data<>(name, Math.log10(s.updateRatio())));
                }
                spread.getData().add(new XYChart.Data<>(name, finite(s.activationStd())));
                dead.getData().add(new XYChart.Data<>(name, finite(s.deadFraction())));
            }
            ratioChart.getData().setAll(List.of(ratios));
            activationChart.getData().setAll(List.of(spread, dead));
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static void markPrevious(LineChart<Number, Number> chart, int index) {
        if (index >= 0) {
            chart.getData().get(index).getNode().getStyleClass().add("previous-series");
        }
    }

    private static XYChart.Series<Number, Number> series(String name, List<double[]> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (double[] p : points) {
            data.add(new XYChart.Data<>(p[0], p[1]));
        }
        series.getData().setAll(data);
        return series;
    }

    private static XYChart.Series<Number, Number> epochSeries(String name, List<EpochMetrics> epochs,
                                                            java.util.function.ToDoubleFunction<EpochMetrics> value) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (EpochMetrics e : epochs) {
            series.getData().add(new XYChart.Data<>(e.epoch(), value.applyAsDouble(e)));
        }
        return series;
    }

    private static LineChart<Number, Number> lineChart(String x, String y) {
        NumberAxis xAxis = new NumberAxis();
        xAxis.setLabel(x);
        xAxis.setForceZeroInRange(false);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel(y);
        LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        return chart;
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("chart-title-label");
        return label;
    }
}
