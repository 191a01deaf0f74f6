package org.collapselab.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.collapselab.core.data.ClassBalance;
import org.collapselab.core.data.csv.SkippedRow;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.data.csv.TableStatistics;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.Normalization;
import org.collapselab.ui.common.Formats;
import org.collapselab.ui.help.Help;

/**
 * The Data screen for a CSV file: how it was read (kind, label column), classes and imbalance, a preview of the
 * first rows, a summary per feature, per-class histograms of a chosen feature, example series per class, what the
 * network sees, and the rows that were skipped. Draws what {@link LoadedTable} holds; the one computation it asks
 * for (a histogram) runs on the loading executor. FX thread.
 */
final class TableDataPane {
    private static final int HISTOGRAM_BINS = 12;
    private static final int NETWORK_ROWS = 20;
    /** One line colour per class on the series charts. */
    private static final String[] CLASS_COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private final DataViewModel model;
    private final java.util.concurrent.Executor loader;
    private final SplitPane root = new SplitPane();
    private final ComboBox<DataKind> kind = new ComboBox<>();
    private final ComboBox<String> labelColumn = new ComboBox<>();
    private final Label how = new Label();
    private final Label summary = new Label();
    private final Label imbalance = new Label();
    private final Label missing = new Label();
    private final TableView<ClassCount> classTable = new TableView<>();
    private final BarChart<String, Number> countChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<List<String>> preview = new TableView<>();
    private final TableView<TableStatistics.FeatureSummary> features = new TableView<>();
    private final ComboBox<String> histogramFeature = new ComboBox<>();
    private final BarChart<String, Number> histogram = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final VBox examples = new VBox(6);
    private final VBox networkView = new VBox(8);
    private final TableView<SkippedRow> skipped = new TableView<>();
    private final Tab examplesTab = new Tab("Example series");
    private final TabPane tabs = new TabPane();
    private LoadedTable shown;
    private boolean updatingChoices;
    private long histogramGeneration;

    TableDataPane(DataViewModel model, java.util.concurrent.Executor loader) {
        this.model = model;
        this.loader = loader;
        root.getItems().setAll(left(), right());
        root.setDividerPositions(0.36);
        root.setId("csvData");
    }

    Node node() {
        return root;
    }

    private Node left() {
        kind.getItems().setAll(DataKind.TABULAR, DataKind.SEQUENCE);
        kind.setId("csvKind");
        labelColumn.setId("csvLabelColumn");
        BiConsumer<DataKind, String> reload = (k, label) -> {
            if (!updatingChoices && k != null && label != null) {
                model.reloadCsv(k, label);
            }
        };
        kind.setOnAction(e -> reload.accept(kind.getValue(), labelColumn.getValue()));
        labelColumn.setOnAction(e -> reload.accept(kind.getValue(), labelColumn.getValue()));
        Help.tip(kind, "How to read the rows: tabular (each column a feature) or a sequence (the numbered columns one series)");
        Help.tip(labelColumn, "The column that holds each row's class");
        HBox choices = new HBox(8, new Label("Read as"), kind, new Label("label column"), labelColumn);
        choices.setAlignment(Pos.CENTER_LEFT);
        how.setId("csvHow");
        how.setWrapText(true);
        how.getStyleClass().add("caption");
        summary.setId("csvSummary");
        summary.setWrapText(true);
        imbalance.setId("csvImbalance");
        imbalance.setWrapText(true);
        missing.setId("csvMissing");
        missing.setWrapText(true);

        TableColumn<ClassCount, String> name = new TableColumn<>("Class");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        TableColumn<ClassCount, Number> rows = new TableColumn<>("Rows");
        rows.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().rows()));
        TableColumn<ClassCount, String> share = new TableColumn<>("Share");
        share.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().share()));
        classTable.getColumns().setAll(List.of(name, rows, share));
        classTable.setId("csvClassTable");
        classTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        classTable.setPrefHeight(120);
        countChart.setLegendVisible(false);
        countChart.setAnimated(false);
        countChart.setTitle("Rows per class");
        countChart.setPrefHeight(220);
        VBox box = new VBox(8, choices, how, summary, missing, imbalance, classTable, countChart);
        box.setPadding(new Insets(0, 8, 8, 10));
        VBox.setVgrow(countChart, Priority.ALWAYS);
        return box;
    }

    private Node right() {
        preview.setId("csvPreview");
        preview.setPlaceholder(new Label("No rows"));
        features.setId("featureSummary");
        features.getColumns().setAll(List.of(
                text("Feature", 160, s -> s.name()),
                text("Mean", 80, s -> statistic(s.mean())),
                text("Std", 80, s -> statistic(s.std())),
                text("Min", 80, s -> statistic(s.min())),
                text("Max", 80, s -> statistic(s.max())),
                text("Missing", 90, s -> Integer.toString(s.missing()))));
        Label featuresNote = new Label("Over the rows as loaded, before imputation and standardization (with data.missing "
                + "drop, rows with an empty cell are already gone); std is the sample standard deviation. For a "
                + "series, one row per channel over all time steps.");
        featuresNote.setWrapText(true);
        featuresNote.getStyleClass().add("caption");
        VBox featureBox = new VBox(6, featuresNote, features);
        VBox.setVgrow(features, Priority.ALWAYS);
        featureBox.setPadding(new Insets(8));

        histogramFeature.setId("histogramFeature");
        histogramFeature.setVisibleRowCount(16);
        histogramFeature.setOnAction(e -> showHistogram());
        histogram.setId("histogramChart");
        histogram.setAnimated(false);
        histogram.setBarGap(0);
        histogram.setCategoryGap(4);
        histogram.getYAxis().setLabel("% of the class's rows");
        Label histogramNote = new Label("Each class's bars add up to 100% of its own rows, so a rare class's shape "
                + "stays visible next to a common one. A feature whose classes barely overlap is a strong signal "
                + "(or a leak, when it should not know the label).");
        histogramNote.setWrapText(true);
        histogramNote.getStyleClass().add("caption");
        VBox histogramBox = new VBox(6, new HBox(8, new Label("Feature"), histogramFeature), histogramNote, histogram);
        VBox.setVgrow(histogram, Priority.ALWAYS);
        histogramBox.setPadding(new Insets(8));

        examples.setId("exampleSeries");
        examples.setPadding(new Insets(8));
        examplesTab.setContent(scroll(examples));
        networkView.setId("csvNetworkView");
        networkView.setPadding(new Insets(8));

        TableColumn<SkippedRow, Number> line = new TableColumn<>("Line");
        line.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().line()));
        TableColumn<SkippedRow, String> reason = new TableColumn<>("Why it was skipped");
        reason.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().reason()));
        reason.setPrefWidth(560);
        skipped.getColumns().setAll(List.of(line, reason));
        skipped.setId("skippedRows");
        skipped.setPlaceholder(new Label("Every row was read"));

        tabs.getTabs().setAll(new Tab("Preview", preview), new Tab("Features", featureBox),
                new Tab("Histograms", histogramBox), examplesTab, new Tab("What the network sees", scroll(networkView)),
                new Tab("Skipped rows", skipped));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("csvTabs");
        return tabs;
    }

    /** Lays out a freshly loaded (or re-prepared) file. */
    void show(LoadedTable table) {
        boolean sameData = shown != null && shown.data() == table.data();
        shown = table;
        TableDataset data = table.data();
        TableStatistics stats = table.statistics();
        updatingChoices = true;
        kind.setValue(data.kind() == TableKind.SEQUENCE ? DataKind.SEQUENCE : DataKind.TABULAR);
        labelColumn.getItems().setAll(data.preview().header());
        labelColumn.setValue(data.labelColumn());
        updatingChoices = false;
        how.setText(data.source().getFileName() + " " + table.how());
        int train = table.prepared().split().train().length;
        int validation = table.prepared().split().validation().length;
        String shape = data.kind() == TableKind.SEQUENCE
                ? String.format(Locale.ROOT, "series of %d time steps × %d channel%s", data.sequenceLength(),
                data.channels(), data.channels() == 1 ? "" : "s")
                : String.format(Locale.ROOT, "%d features from %d columns%s", data.featureCount(),
                data.featuresByColumn().size(), oneHotNote(data));
        summary.setText(String.format(Locale.ROOT, "%d rows in %d classes: %s.%n"
                        + "%d go to training and %d to validation (the same share of every class, shuffled with seed %d); "
                        + "the inputs are %s.%s",
                data.count(), data.classCount(), shape, train, validation, table.config().data().seed(),
                table.config().data().normalization().describe(),
                data.ignoredColumns().isEmpty() ? "" : " Text columns left out of the series: "
                        + String.join(", ", data.ignoredColumns()) + "."));
        missing.setText((data.skipped().isEmpty() ? "Every row was read. "
                : data.skipped().size() + " row" + (data.skipped().size() == 1 ? "" : "s")
                + " skipped (see Skipped rows). ") + table.prepared().data().missing().describe());
        missing.getStyleClass().removeAll("warning-text");
        if (!data.skipped().isEmpty() || data.missing().totalMissing() > 0) {
            missing.getStyleClass().add("warning-text");
        }
        ClassBalance balance = stats.balance();
        imbalance.setText(balance.describe(stats.classes(), "row"));
        imbalance.getStyleClass().removeAll("warning-text");
        if (balance.verdict() == ClassBalance.Verdict.STRONG) {
            imbalance.getStyleClass().add("warning-text");
        }
        List<ClassCount> counts = new ArrayList<>();
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        int[] perClass = data.classCounts();
        for (int c = 0; c < data.classCount(); c++) {
            counts.add(new ClassCount(data.classes().get(c), perClass[c], Formats.percent((double) perClass[c] / data.count())));
            bars.getData().add(new XYChart.Data<>(data.classes().get(c), perClass[c]));
        }
        classTable.getItems().setAll(counts);
        countChart.getData().setAll(List.of(bars));
        if (!sameData) {
            showPreview(data.preview());
            features.getItems().setAll(stats.features());
            skipped.getItems().setAll(data.skipped());
            String selected = histogramFeature.getValue();
            histogramFeature.getItems().setAll(data.featureNames());
            histogramFeature.setValue(selected != null && data.featureNames().contains(selected) ? selected
                    : data.featureNames().isEmpty() ? null : data.featureNames().get(0));
            showHistogram();
            examples.getChildren().setAll(seriesCharts(table.examples(), data, "Rows as loaded"));
            if (data.kind() == TableKind.SEQUENCE) {
                if (!tabs.getTabs().contains(examplesTab)) {
                    tabs.getTabs().add(3, examplesTab);
                }
            } else {
                tabs.getTabs().remove(examplesTab);
            }
        }
        showNetworkView(table);
    }

    private static String oneHotNote(TableDataset data) {
        long oneHot = data.featuresByColumn().values().stream().filter(f -> f.size() > 1
                || data.featureNames().get(f.get(0)).contains("=")).count();
        return oneHot == 0 ? "" : " (" + oneHot + " text column" + (oneHot == 1 ? "" : "s") + " one-hot encoded)";
    }

    private void showPreview(TableDataset.Preview rows) {
        List<TableColumn<List<String>, String>> columns = new ArrayList<>();
        for (int c = 0; c < rows.header().size(); c++) {
            int index = c;
            TableColumn<List<String>, String> column = new TableColumn<>(rows.header().get(c));
            column.setPrefWidth(headerWidth(rows.header().get(c)));
            column.setCellValueFactory(cell -> new SimpleStringProperty(index < cell.getValue().size()
                    ? cell.getValue().get(index) : ""));
            column.setSortable(false);
            columns.add(column);
        }
        preview.getColumns().setAll(columns);
        preview.getItems().setAll(rows.rows());
    }

    /** Computes the chosen feature's histogram on the loading executor and draws it. */
    private void showHistogram() {
        LoadedTable table = shown;
        String feature = histogramFeature.getValue();
        long generation = ++histogramGeneration;
        if (table == null || feature == null) {
            histogram.getData().clear();
            return;
        }
        int index = table.data().featureNames().indexOf(feature);
        CompletableFuture.supplyAsync(() -> TableStatistics.histogram(table.data(), index, HISTOGRAM_BINS), loader)
                .whenCompleteAsync((h, error) -> {
                    if (generation != histogramGeneration || error != null) {
                        return;
                    }
                    drawHistogram(h, table.data());
                }, Platform::runLater);
    }

    private void drawHistogram(TableStatistics.FeatureHistogram h, TableDataset data) {
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        int[] perClass = data.classCounts();
        for (int c = 0; c < h.counts().length; c++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(data.classes().get(c) + " (" + perClass[c] + ")");
            for (int b = 0; b < h.counts()[c].length; b++) {
                double share = perClass[c] == 0 ? 0 : 100.0 * h.counts()[c][b] / perClass[c];
                s.getData().add(new XYChart.Data<>(binLabel(h.edges()[b], h.edges()[b + 1]), share));
            }
            series.add(s);
        }
        histogram.setTitle(h.feature() + (h.missing() == 0 ? "" : " · " + h.missing() + " empty cells left out"));
        histogram.getData().setAll(series);
    }

    /** A summary value: 0 as "0" rather than in scientific notation, else as the other screens format numbers. */
    static String statistic(double value) {
        return value == 0 ? "0" : Formats.number(value);
    }

    /** "lower–upper" with three significant digits, so adjacent bins stay distinguishable. */
    static String binLabel(double lower, double upper) {
        return edge(lower) + "–" + edge(upper);
    }

    private static String edge(double value) {
        if (value == 0) {
            return "0";
        }
        String text = String.format(Locale.ROOT, "%.3g", value);
        return text.contains("e") || !text.contains(".") ? text : text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private void showNetworkView(LoadedTable table) {
        TableDataset seen = table.seen();
        boolean standardized = table.config().data().normalization() != Normalization.NONE;
        Label explain = new Label((standardized
                ? "Each feature standardized as (x − mean) / std with the mean and std of the training split only"
                + (seen.kind() == TableKind.SEQUENCE ? " (one mean and std per channel, shared by every time step, so "
                + "the shape of a series survives)" : "") + ", after empty cells were filled"
                : "normalization none: the values as loaded, empty cells filled") + ". These are the numbers the "
                + "first layer receives; values far outside ±3 are rare rows or a feature the split fits poorly.");
        explain.setWrapText(true);
        explain.getStyleClass().add("caption");
        List<Node> children = new ArrayList<>();
        children.add(explain);
        if (seen.kind() == TableKind.SEQUENCE) {
            children.addAll(seriesCharts(table.seenExamples(), seen, standardized ? "Standardized" : "As fed"));
        } else {
            TableView<float[]> rows = new TableView<>();
            rows.setId("networkRows");
            List<TableColumn<float[], String>> columns = new ArrayList<>();
            for (int j = 0; j < seen.featureCount(); j++) {
                int index = j;
                TableColumn<float[], String> column = new TableColumn<>(seen.featureNames().get(j));
                column.setPrefWidth(headerWidth(seen.featureNames().get(j)));
                column.setCellValueFactory(c -> new SimpleStringProperty(
                        String.format(Locale.ROOT, "%.2f", c.getValue()[index])));
                column.setSortable(false);
                columns.add(column);
            }
            TableColumn<float[], String> label = new TableColumn<>(seen.labelColumn());
            label.setCellValueFactory(c -> new SimpleStringProperty(seen.classes().get((int) c.getValue()[seen.featureCount()])));
            label.setSortable(false);
            columns.add(0, label);
            rows.getColumns().setAll(columns);
            List<float[]> items = new ArrayList<>();
            for (int r = 0; r < Math.min(NETWORK_ROWS, seen.count()); r++) {
                float[] values = java.util.Arrays.copyOf(seen.row(r), seen.featureCount() + 1);
                values[seen.featureCount()] = seen.label(r);
                items.add(values);
            }
            rows.getItems().setAll(items);
            rows.setPrefHeight(520);
            children.add(rows);
        }
        networkView.getChildren().setAll(children);
    }

    /** One line chart per class with its example series, in the class's colour. */
    private static List<Node> seriesCharts(List<TableStatistics.ExampleSeries> series, TableDataset data, String what) {
        List<Node> charts = new ArrayList<>();
        for (int c = 0; c < data.classCount(); c++) {
            NumberAxis x = new NumberAxis();
            x.setLabel("time step");
            x.setForceZeroInRange(true);
            NumberAxis y = new NumberAxis();
            y.setForceZeroInRange(false);
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setCreateSymbols(false);
            chart.setAnimated(false);
            chart.setLegendVisible(false);
            chart.setPrefHeight(300);
            chart.getStyleClass().add("example-series");
            List<Integer> lines = new ArrayList<>();
            List<XYChart.Series<Number, Number>> all = new ArrayList<>();
            for (TableStatistics.ExampleSeries example : series) {
                if (example.label() != c) {
                    continue;
                }
                lines.add(example.line());
                for (int ch = 0; ch < example.values().length; ch++) {
                    XYChart.Series<Number, Number> s = new XYChart.Series<>();
                    s.setName("line " + example.line() + (example.values().length > 1 ? " channel " + ch : ""));
                    float[] values = example.values()[ch];
                    for (int t = 0; t < values.length; t++) {
                        s.getData().add(new XYChart.Data<>(t, values[t]));
                    }
                    all.add(s);
                }
            }
            chart.getData().setAll(all);
            String colour = CLASS_COLOURS[c % CLASS_COLOURS.length];
            for (XYChart.Series<Number, Number> s : all) {
                s.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 1.2px; -fx-opacity: 0.8;");
            }
            chart.setTitle(what + " · class '" + data.classes().get(c) + "' · file lines " + lines);
            charts.add(chart);
        }
        return charts;
    }

    /** Wide enough for a column's name in the bold header font, within reason. */
    private static double headerWidth(String name) {
        return Math.min(220, Math.max(60, 9.5 * name.length() + 28));
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        return pane;
    }

    private static <T> TableColumn<T, String> text(String title, double width, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A row of the class table. */
    record ClassCount(String name, int rows, String share) {
    }
}
