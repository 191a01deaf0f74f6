package org.collapselab.ui.sweep;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.collapselab.core.experiment.sweep.SweepSpec;
import org.collapselab.core.experiment.sweep.TrialResult;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.ui.AppContext;
import org.collapselab.ui.help.Help;

/**
 * The Sweep dialog, opened from the Model screen: parameter specs, strategy, halving and parallel trials, the trial
 * count and estimated time, a live trials table, Stop, and Apply best (which puts the best trial's values into the
 * Model screen). The work runs in {@link SweepViewModel}; this class only lays out and binds.
 */
public final class SweepDialog {
    private final SweepViewModel model;
    private final Stage stage = new Stage();

    public SweepDialog(AppContext context, Consumer<ExperimentConfig> applyBest) {
        model = new SweepViewModel(context.configProperty().get(), context.datasetProperty().get(),
                context.runsDirectory(), Platform::runLater);

        TextArea params = new TextArea();
        params.setId("sweepParams");
        params.setPrefRowCount(4);
        params.textProperty().bindBidirectional(model.paramsProperty());
        Label help = new Label("One swept field per line: PATH=VALUES, e.g. training.learningRate=log:1e-5..1e-1:5, "
                + "training.batchSize=lin:16..128:4, data.balance=none,class-weights");
        help.getStyleClass().add("caption");
        help.setWrapText(true);

        ChoiceBox<String> strategy = new ChoiceBox<>();
        strategy.getItems().setAll(SweepSpec.GRID, SweepSpec.RANDOM);
        strategy.valueProperty().bindBidirectional(model.strategyProperty());
        Spinner<Integer> trials = new Spinner<>(1, 1000, model.trialsProperty().get());
        trials.valueProperty().addListener((o, a, b) -> model.trialsProperty().set(b));
        trials.disableProperty().bind(model.strategyProperty().isEqualTo(SweepSpec.GRID));
        CheckBox halving = new CheckBox("Successive halving (keep the best third at 1/9, 1/3 and all of the epochs)");
        halving.selectedProperty().bindBidirectional(model.halvingProperty());
        Spinner<Integer> parallel = new Spinner<>(1, Math.max(1, Runtime.getRuntime().availableProcessors()),
                model.parallelProperty().get());
        parallel.valueProperty().addListener((o, a, b) -> model.parallelProperty().set(b));

        Help.tip(params, "The settings to sweep, one per line: a config path = its values (a list, lin:from..to:count or "
                + "log:from..to:count)");
        params.setAccessibleText("Swept settings");
        Help.tip(strategy, "grid tries every combination of the values; random draws the number of trials below");
        Help.tip(trials, "How many random combinations to try (random strategy only)");
        Help.tip(halving, "Train all trials briefly and continue only the best third, twice: more trials in the same time");
        Help.tip(parallel, "How many trials train at the same time; the CPU cores are shared between them");
        GridPane options = new GridPane();
        options.setHgap(8);
        options.setVgap(6);
        options.addRow(0, new Label("Strategy"), strategy, new Label("Random trials"), trials);
        options.addRow(1, new Label("Trials at once"), parallel, halving);
        GridPane.setColumnSpan(halving, 2);

        Label plan = new Label();
        plan.setId("sweepPlan");
        plan.textProperty().bind(model.planProperty());
        Label error = new Label();
        error.setId("sweepError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());

        TableView<TrialResult> table = new TableView<>(model.rows());
        table.setId("sweepTrials");
        table.setPrefHeight(260);
        table.setPlaceholder(new Label("Each trial appears here when it ends; Start runs the sweep."));
        model.rows().addListener((ListChangeListener<TrialResult>) c -> {
            if (!model.rows().isEmpty() && table.getColumns().size() <= 1) {
                buildColumns(table, model.rows().get(0));
            }
        });

        LineChart<Number, Number> chart = curvesChart(model);

        Label summary = new Label();
        summary.setId("sweepSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());

        Button start = new Button("Start");
        start.setId("sweepStart");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.runningProperty().or(model.errorProperty().isNotEmpty()));
        start.setOnAction(e -> {
            table.getColumns().clear();
            model.start();
        });
        Button stop = new Button("Stop");
        stop.setId("sweepStop");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        Button apply = new Button("Apply best");
        apply.setId("sweepApplyBest");
        apply.disableProperty().bind(model.bestProperty().isNull().or(model.runningProperty()));
        Help.tip(start, "Start the sweep: each trial is a short training run, recorded like any other run");
        Help.tip(stop, "Stop the sweep; finished trials are kept");
        Help.tip(apply, "Put the best trial's settings into the config on the Model screen (Ctrl+Z undoes it)");
        apply.setOnAction(e -> {
            try {
                ExperimentConfig best = model.bestConfig();
                if (best != null) {
                    applyBest.accept(best);
                }
            } catch (ConfigException ex) {
                model.errorProperty().set(ex.getMessage());
            }
        });
        Label folder = new Label();
        folder.getStyleClass().add("caption");
        folder.textProperty().bind(model.folderProperty().asString("Sweep folder (trials.csv, sweep.html): %s"));
        folder.visibleProperty().bind(model.folderProperty().isNotNull());

        Label progress = new Label();
        progress.setId("sweepProgress");
        progress.textProperty().bind(javafx.beans.binding.Bindings.size(model.rows()).asString("%d trials finished"));
        progress.visibleProperty().bind(model.folderProperty().isNotNull());
        HBox buttons = new HBox(8, start, stop, apply, progress);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox live = new HBox(8, table, chart);
        HBox.setHgrow(table, Priority.ALWAYS);
        VBox root = new VBox(8, new Label("Swept fields"), params, help, options, plan, error, buttons, live, summary, folder);
        root.setPadding(new Insets(12));
        VBox.setVgrow(live, Priority.ALWAYS);
        stage.setTitle("Sweep hyperparameters");
        stage.setScene(new Scene(root, 1100, 680));
        stage.setOnHidden(e -> model.stop());
    }

    public void show(Window owner) {
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
        }
        stage.show();
    }

    public SweepViewModel model() {
        return model;
    }

    /** Balanced accuracy per epoch, one line per trial, added as epochs end. */
    private static LineChart<Number, Number> curvesChart(SweepViewModel model) {
        // Until a trial reports, show the config's epochs rather than JavaFX's default 0–100 range.
        NumberAxis epochs = new NumberAxis(1, Math.max(2, model.baseEpochs()), 1);
        epochs.setAutoRanging(false);
        model.curves().addListener((MapChangeListener<String, ObservableList<Double>>) change ->
                epochs.setAutoRanging(true));
        epochs.setLabel("epoch");
        NumberAxis accuracy = new NumberAxis(0, 1, 0.1);
        accuracy.setLabel("balanced accuracy");
        LineChart<Number, Number> chart = new LineChart<>(epochs, accuracy);
        chart.setId("sweepCurves");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefWidth(380);
        model.curves().addListener((MapChangeListener<String, ObservableList<Double>>) change -> {
            if (change.wasAdded() && !change.wasRemoved()) {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(change.getKey());
                ObservableList<Double> values = change.getValueAdded();
                for (int i = 0; i < values.size(); i++) {
                    series.getData().add(new XYChart.Data<>(i + 1, values.get(i)));
                }
                values.addListener((ListChangeListener<Double>) c -> {
                    while (c.next()) {
                        for (int i = c.getFrom(); i < c.getTo(); i++) {
                            series.getData().add(new XYChart.Data<>(i + 1, values.get(i)));
                        }
                    }
                });
                chart.getData().add(series);
            } else if (change.wasRemoved() && !change.wasAdded()) {
                chart.getData().removeIf(series -> series.getName().equals(change.getKey()));
            }
        });
        return chart;
    }

    private static void buildColumns(TableView<TrialResult> table, TrialResult first) {
        table.getColumns().add(column("trial", r -> r.runFolder()));
        for (String path : first.parameters().keySet()) {
            table.getColumns().add(column(path, r -> r.parameters().get(path)));
        }
        table.getColumns().add(column("epochs", r -> String.valueOf(r.epochs())));
        table.getColumns().add(column("status", TrialResult::status));
        table.getColumns().add(column("balanced acc.", r -> Double.isNaN(r.balancedAccuracy()) ? ""
                : String.format(Locale.ROOT, "%.3f", r.balancedAccuracy())));
        table.getColumns().add(column("collapsed", r -> r.collapsed() ? "yes " + r.dominantClass() : "no"));
        table.getColumns().add(column("top finding", TrialResult::topFinding));
        table.getColumns().add(column("seconds", r -> String.format(Locale.ROOT, "%.1f", r.seconds())));
    }

    private static TableColumn<TrialResult, String> column(String title, java.util.function.Function<TrialResult, String> value) {
        TableColumn<TrialResult, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
