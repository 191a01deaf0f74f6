package org.collapselab.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.collapselab.core.experiment.runs.ComparisonCsvWriter;
import org.collapselab.core.experiment.runs.ComparisonHtmlWriter;
import org.collapselab.core.experiment.runs.RunColours;
import org.collapselab.core.training.MetricIntervals;
import org.collapselab.core.experiment.runs.RunComparison;
import org.collapselab.core.experiment.runs.RunSummary;
import org.collapselab.ui.common.Formats;
import org.collapselab.ui.help.Help;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The comparison of 2 to 8 runs: overlaid loss, validation-loss and balanced-accuracy charts (one colour per run,
 * the same as in the HTML export), the config diff, the row-normalised confusion matrices side by side, the final
 * metrics with the difference to the first run, and the findings that appeared or disappeared. FX thread.
 */
final class CompareView {
    /** Asks where to save an export; null when the user cancels. */
    @FunctionalInterface
    interface TargetChooser {
        Path choose(Window owner, String suggestedName, String extension);

        TargetChooser FILE_CHOOSER = (owner, name, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(name);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files", "*." + extension));
            var file = chooser.showSaveDialog(owner);
            return file == null ? null : file.toPath();
        };
    }

    private static final Color CELL_TINT = Color.web("#0969da");

    private final RunComparison comparison;
    private final List<RunSummary> runs;
    private final RunsViewModel model;
    private final TargetChooser chooser;
    private final BorderPane root = new BorderPane();
    private final Label message;

    CompareView(RunComparison comparison, List<RunSummary> runs, RunsViewModel model, TargetChooser chooser) {
        this.comparison = comparison;
        this.runs = runs;
        this.model = model;
        this.chooser = chooser;
        root.setId("compareView");
        Button html = new Button("Export HTML", new FontIcon(Feather.FILE_TEXT));
        html.setId("exportCompareHtml");
        html.setOnAction(e -> export("html"));
        Help.tip(html, "Save this comparison as an HTML page");
        Button csv = new Button("Export CSV", new FontIcon(Feather.GRID));
        csv.setId("exportCompareCsv");
        csv.setOnAction(e -> export("csv"));
        Help.tip(csv, "Save the compared metrics as a CSV table, one row per run");
        Label message = new Label();
        message.setId("compareMessage");
        message.getStyleClass().add("caption");
        this.message = message;
        Label title = new Label("Comparing " + runs.size() + " runs; differences are to the first, "
                + comparison.runNames().get(0) + ".");
        title.getStyleClass().add("section-title");
        HBox bar = new HBox(8, title, html, csv, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10));

        HBox charts = new HBox(8,
                chart("Training loss", "compareLossChart", RunComparison.Curves::trainLoss, false),
                chart("Validation loss", "compareValidationLossChart", RunComparison.Curves::validationLoss, false),
                chart("Balanced accuracy", "compareBalancedChart", RunComparison.Curves::balancedAccuracy, true));
        charts.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));

        VBox content = new VBox(14, charts,
                section("Config diff (only the settings that differ)", configDiff()),
                section("Final metrics (Δ = difference to " + comparison.runNames().get(0) + ")", metrics()),
                section("Confusion matrices (each row: share of that true class)", confusions()),
                section("Findings that appeared or disappeared (against " + comparison.runNames().get(0) + ")", findings()));
        content.setPadding(new Insets(0, 10, 10, 10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root.setTop(bar);
        root.setCenter(scroll);
    }

    BorderPane root() {
        return root;
    }

    private static VBox section(String title, Node body) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        return new VBox(6, label, body);
    }

    private LineChart<Number, Number> chart(String title, String id, Function<RunComparison.Curves, double[]> metric,
                                            boolean unitRange) {
        int maxEpoch = comparison.curves().stream().flatMapToInt(c -> java.util.Arrays.stream(c.epochs())).max().orElse(1);
        // whole epochs only: the default auto-ranging puts ticks at 0.5, 1.5…
        NumberAxis x = new NumberAxis(1, Math.max(2, maxEpoch), Math.max(1, Math.ceil(maxEpoch / 10.0)));
        x.setLabel("epoch");
        x.setMinorTickVisible(false);
        NumberAxis y = unitRange ? new NumberAxis(0, 1, 0.2) : new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.getStyleClass().add("compare-chart");
        int longest = 0;
        for (int r = 0; r < comparison.curves().size(); r++) {
            RunComparison.Curves curve = comparison.curves().get(r);
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(comparison.runNames().get(r));
            double[] values = metric.apply(curve);
            for (int k = 0; k < values.length; k++) {
                if (Double.isFinite(values[k])) {
                    series.getData().add(new XYChart.Data<>(curve.epochs()[k], values[k]));
                }
            }
            longest = Math.max(longest, values.length);
            chart.getData().add(series);
        }
        if (unitRange) {
            errorBars(chart);
        }
        // Points help short runs (a one-epoch run is a single point); on long runs they hide the lines.
        chart.setCreateSymbols(longest <= 15);
        chart.setMinHeight(230);
        chart.setPrefHeight(250);
        return chart;
    }

    /**
     * Each run's final balanced accuracy 95% interval as a vertical bar at its last epoch, in the run's colour: a
     * two-point series, recoloured to its run's colour class and left out of the legend.
     */
    private void errorBars(LineChart<Number, Number> chart) {
        for (int r = 0; r < comparison.curves().size(); r++) {
            RunComparison.Curves curve = comparison.curves().get(r);
            MetricIntervals.Interval interval = curve.finalBalancedInterval();
            if (interval == null || curve.epochs().length == 0) {
                continue;
            }
            int lastEpoch = curve.epochs()[curve.epochs().length - 1];
            XYChart.Series<Number, Number> bar = new XYChart.Series<>();
            bar.setName(comparison.runNames().get(r) + " 95% interval");
            bar.getData().add(new XYChart.Data<>(lastEpoch, interval.low()));
            bar.getData().add(new XYChart.Data<>(lastEpoch, interval.high()));
            chart.getData().add(bar);
            String colour = "default-color" + (r % 8);
            recolour(bar.getNode(), colour);
            bar.getData().forEach(d -> recolour(d.getNode(), colour));
            bar.getNode().getStyleClass().add("error-bar");
        }
        // The legend names the runs only.
        chart.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("chart-legend")
                        && n instanceof javafx.scene.layout.Pane).findFirst()
                .ifPresent(legend -> ((javafx.scene.layout.Pane) legend).getChildren().removeIf(item ->
                        item instanceof javafx.scene.control.Label label && label.getText() != null
                                && label.getText().endsWith(" 95% interval")));
    }

    private static void recolour(Node node, String colourClass) {
        if (node != null) {
            node.getStyleClass().removeIf(c -> c.startsWith("default-color"));
            node.getStyleClass().add(colourClass);
        }
    }

    private Node configDiff() {
        if (comparison.configDiff().isEmpty()) {
            return new Label("The runs have the same config.");
        }
        TableView<RunComparison.ConfigDiffRow> table = new TableView<>();
        table.setId("compareConfigDiff");
        TableColumn<RunComparison.ConfigDiffRow, String> setting = new TableColumn<>("Setting");
        setting.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        setting.setPrefWidth(240);
        table.getColumns().add(setting);
        for (int r = 0; r < comparison.runNames().size(); r++) {
            int run = r;
            TableColumn<RunComparison.ConfigDiffRow, String> column = new TableColumn<>(comparison.runNames().get(r));
            column.setCellValueFactory(c -> {
                String v = c.getValue().values().get(run);
                return new ReadOnlyStringWrapper(v.isEmpty() ? "–" : v);
            });
            column.setPrefWidth(nameWidth(r));
            table.getColumns().add(column);
        }
        table.getItems().setAll(comparison.configDiff());
        fitRows(table, comparison.configDiff().size());
        return table;
    }

    private Node metrics() {
        TableView<RunComparison.MetricRow> table = new TableView<>();
        table.setId("compareMetrics");
        TableColumn<RunComparison.MetricRow, String> metric = new TableColumn<>("Metric");
        metric.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().metric()));
        metric.setPrefWidth(170);
        table.getColumns().add(metric);
        for (int r = 0; r < comparison.runNames().size(); r++) {
            int run = r;
            TableColumn<RunComparison.MetricRow, String> value = new TableColumn<>(comparison.runNames().get(r));
            value.setCellValueFactory(c -> new ReadOnlyStringWrapper(number(c.getValue().values()[run])));
            value.setPrefWidth(nameWidth(r));
            value.getStyleClass().add("numeric-column");
            table.getColumns().add(value);
            if (r > 0) {
                TableColumn<RunComparison.MetricRow, String> delta = new TableColumn<>("Δ");
                delta.setCellValueFactory(c -> new ReadOnlyStringWrapper(signed(c.getValue().deltas()[run])));
                delta.setPrefWidth(80);
                delta.getStyleClass().add("numeric-column");
                table.getColumns().add(delta);
            }
        }
        table.getItems().setAll(comparison.metrics());
        fitRows(table, comparison.metrics().size());
        return table;
    }

    static String signed(double delta) {
        if (!Double.isFinite(delta)) {
            return "–";
        }
        return delta == 0 ? "0" : (delta > 0 ? "+" : "−") + number(Math.abs(delta));
    }

    /** Counts (epochs) as integers, other values with four significant digits. */
    static String number(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return Formats.number(value);
    }

    /** Wide enough for the run's name in a column header. */
    private double nameWidth(int run) {
        return Math.max(110, 28 + 9.5 * comparison.runNames().get(run).length());
    }

    private static void fitRows(TableView<?> table, int rows) {
        table.setFixedCellSize(28);
        table.setPrefHeight(48 + 28 * rows);
        table.setMinHeight(48 + 28 * rows);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private Node confusions() {
        FlowPane pane = new FlowPane(18, 12);
        pane.setId("compareConfusions");
        for (int r = 0; r < comparison.runNames().size(); r++) {
            RunComparison.NormalisedConfusion m = comparison.confusions().get(r);
            Label name = new Label(comparison.runNames().get(r));
            name.getStyleClass().add("compare-run-name");
            name.setGraphic(swatch(r));
            if (m == null) {
                pane.getChildren().add(new VBox(4, name, new Label("No matrix: the run ended before its first epoch.")));
                continue;
            }
            GridPane grid = new GridPane();
            grid.getStyleClass().add("compare-confusion");
            grid.setHgap(2);
            grid.setVgap(2);
            grid.add(new Label("true ↓ / predicted →"), 0, 0);
            for (int c = 0; c < m.labels().size(); c++) {
                grid.add(new Label(m.labels().get(c)), c + 1, 0);
            }
            for (int t = 0; t < m.shares().length; t++) {
                grid.add(new Label(m.labels().get(t) + " (" + m.rowCounts()[t] + ")"), 0, t + 1);
                for (int p = 0; p < m.shares()[t].length; p++) {
                    double share = m.shares()[t][p];
                    Label cell = new Label(Formats.percent(share));
                    cell.getStyleClass().add("compare-confusion-cell");
                    cell.setMinWidth(58);
                    cell.setAlignment(Pos.CENTER);
                    double alpha = Double.isFinite(share) ? 0.08 + 0.7 * share : 0;
                    cell.setBackground(new Background(new BackgroundFill(CELL_TINT.deriveColor(0, 1, 1, alpha), null, null)));
                    grid.add(cell, p + 1, t + 1);
                }
            }
            pane.getChildren().add(new VBox(4, name, grid));
        }
        return pane;
    }

    private Node findings() {
        VBox list = new VBox(4);
        list.setId("compareFindings");
        if (comparison.findingChanges().isEmpty()) {
            list.getChildren().add(new Label("Every run has the same findings as " + comparison.runNames().get(0) + "."));
        }
        for (RunComparison.FindingChange f : comparison.findingChanges()) {
            boolean appeared = f.change() == RunComparison.Change.APPEARED;
            Label line = new Label((appeared ? "appeared in " : "disappeared in ") + f.run() + ": " + f.title()
                    + "  (" + f.findingId() + ")", new FontIcon(appeared ? Feather.PLUS_CIRCLE : Feather.MINUS_CIRCLE));
            line.getStyleClass().add(appeared ? "finding-appeared" : "finding-disappeared");
            list.getChildren().add(line);
        }
        return list;
    }

    private static Region swatch(int run) {
        Region swatch = new Region();
        swatch.setMinSize(12, 12);
        swatch.setMaxSize(12, 12);
        swatch.setBackground(new Background(new BackgroundFill(Color.web(RunColours.of(run)), null, null)));
        return swatch;
    }

    private void export(String extension) {
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        Path target = chooser.choose(owner, "comparison." + extension, extension);
        if (target == null) {
            return;
        }
        List<Path> folders = runs.stream().map(RunSummary::folder).toList();
        model.inBackground("Wrote " + target.toAbsolutePath(), () -> {
            if (extension.equals("html")) {
                ComparisonHtmlWriter.write(comparison, target);
            } else {
                ComparisonCsvWriter.write(comparison, folders, target);
            }
        }, message::setText);
    }
}
