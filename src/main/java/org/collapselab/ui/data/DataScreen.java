package org.collapselab.ui.data;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import java.util.List;
import java.util.Random;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.PropertyValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.collapselab.core.data.ClassBalance;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.NetworkInputSample;
import org.collapselab.core.data.TrainingViews;
import org.collapselab.core.data.DatasetStatistics;
import org.collapselab.core.data.ImageAugmenter;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.data.SkippedFile;
import org.collapselab.core.model.DataConfig;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.ui.AppContext;
import org.collapselab.ui.common.FxImages;
import org.collapselab.ui.common.Formats;
import org.collapselab.ui.help.Help;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Screen 1: the dataset — what is in it, what was skipped, and exactly what the network will see. */
public final class DataScreen {
    private static final int THUMBS_PER_ROW = 10;
    private static final int NETWORK_VIEW_IMAGES = 16;
    private final DataViewModel model;
    private final AppContext context;
    private final BorderPane root = new BorderPane();
    private final TableView<ClassRow> classTable = new TableView<>();
    private final BarChart<String, Number> countChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label summary = new Label();
    private final Label imbalance = new Label();
    private final ListView<ThumbRow> thumbnails = new ListView<>();
    private final TableView<SkippedFile> skipped = new TableView<>();
    private final TilePane networkView = new TilePane(6, 6);
    private final TableDataPane tablePane;
    private final Node imageBody;
    private long networkViewGeneration;
    private long tableGeneration;

    public DataScreen(DataViewModel model, AppContext context) {
        this.model = model;
        this.context = context;
        this.tablePane = new TableDataPane(model, context.loadingExecutor());
        root.setTop(header());
        imageBody = body();
        root.setCenter(imageBody);
        model.statisticsProperty().addListener((obs, old, stats) -> show(stats));
        model.tableProperty().addListener((obs, old, table) -> {
            root.setCenter(table == null ? imageBody : tablePane.node());
            if (table != null) {
                tablePane.show(table);
            }
        });
        context.configProperty().addListener((obs, old, cfg) -> {
            if (old == null || !old.data().equals(cfg.data())) {
                if (model.tableProperty().get() != null) {
                    refreshTable(cfg);
                } else {
                    refreshNetworkView();
                }
            }
        });
    }

    /**
     * Follows config changes made elsewhere (Model screen, a scenario): another kind or label column reads the file
     * again; another normalization, split fraction or seed only re-prepares it.
     */
    private void refreshTable(ExperimentConfig config) {
        LoadedTable table = model.tableProperty().get();
        DataConfig was = table.config().data();
        DataConfig now = config.data();
        if (!now.kind().isTable() || now.equals(was)) {
            return;
        }
        boolean reread = now.kind() != was.kind() || !java.util.Objects.equals(now.labelColumn(), was.labelColumn())
                || now.missing() != was.missing() || now.sequenceChannels() != was.sequenceChannels();
        if (reread) {
            model.reloadCsv(now.kind(), now.labelColumn() != null ? now.labelColumn() : table.data().labelColumn());
            return;
        }
        long generation = ++tableGeneration;
        CompletableFuture.supplyAsync(() -> table.withConfig(config), context.loadingExecutor())
                .whenCompleteAsync((prepared, error) -> {
                    if (error == null && generation == tableGeneration && model.tableProperty().get() == table) {
                        model.tableProperty().set(prepared);
                    }
                }, Platform::runLater);
    }

    /** Opens a CSV file chooser (tabular rows or one series per row). */
    public void chooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a CSV file (a header line, one row per sample)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.CSV"));
        Path current = model.folderProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.load(file.toPath());
        }
    }

    public Node node() {
        return root;
    }

    public void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose an image folder (one sub-folder per class)");
        Path current = model.folderProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (dir != null) {
            model.load(dir.toPath());
        }
    }

    private Node header() {
        Button open = new Button("Choose folder…", new FontIcon(Feather.FOLDER));
        open.setId("chooseFolder");
        open.setOnAction(e -> chooseFolder());
        Help.tip(open, "Load a folder of images with one sub-folder per class (Ctrl+O)");
        Button openCsv = new Button("Open CSV file…", new FontIcon(Feather.FILE_TEXT));
        openCsv.setId("chooseCsv");
        openCsv.setOnAction(e -> chooseCsv());
        Help.tip(openCsv, "Load a CSV file: tabular rows, or one time series per row (Ctrl+Shift+O)");
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.loadingProperty());
        progress.setPrefWidth(180);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelLoading");
        cancel.visibleProperty().bind(model.loadingProperty());
        cancel.setOnAction(e -> model.cancel());
        Help.tip(cancel, "Stop loading; the data loaded before stays");
        Label message = new Label();
        message.setId("dataMessage");
        message.textProperty().bind(model.messageProperty());
        // Larger text (View → Text size): the buttons keep their words and the message wraps instead of "…".
        open.setMinWidth(Region.USE_PREF_SIZE);
        openCsv.setMinWidth(Region.USE_PREF_SIZE);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Label error = new Label();
        error.setId("dataError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        HBox bar = new HBox(10, open, openCsv, message, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, bar, error);
        box.setPadding(new Insets(10));
        return box;
    }

    private Node body() {
        TableColumn<ClassRow, String> name = new TableColumn<>("Class");
        name.setCellValueFactory(new PropertyValueFactory<>("name"));
        name.setPrefWidth(120);
        TableColumn<ClassRow, Integer> count = new TableColumn<>("Images");
        count.setCellValueFactory(new PropertyValueFactory<>("count"));
        TableColumn<ClassRow, String> share = new TableColumn<>("Share");
        share.setCellValueFactory(new PropertyValueFactory<>("share"));
        // The mean brightness; a short header, so the four columns fit side by side at 200 % text.
        TableColumn<ClassRow, String> brightness = new TableColumn<>("Brightness");
        brightness.setCellValueFactory(new PropertyValueFactory<>("brightness"));
        brightness.setPrefWidth(120);
        classTable.getColumns().setAll(List.of(name, count, share, brightness));
        classTable.setId("classTable");
        org.collapselab.ui.common.TableHeaders.keepWhole(classTable);
        classTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // In em, so the rows shown stay the same at a larger text size (170 px at 14 px text).
        classTable.setStyle("-fx-pref-height: 12em; -fx-min-height: 8em;");
        classTable.setPlaceholder(new Label("No dataset loaded"));
        countChart.setLegendVisible(false);
        countChart.setAnimated(false);
        countChart.setTitle("Images per class");
        countChart.setPrefHeight(230);
        summary.setId("dataSummary");
        summary.setWrapText(true);
        imbalance.setId("imbalance");
        imbalance.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        imbalance.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(8, summary, imbalance, classTable, countChart);
        left.setPadding(new Insets(0, 8, 8, 10));
        VBox.setVgrow(countChart, Priority.ALWAYS);
        countChart.setMinHeight(160);
        // Scrolls instead of cutting the summary when the text is large or the window short.
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
        leftScroll.setFitToWidth(true);
        // At least the visible height (the chart fills it at 100 %), more when the text is large: then it scrolls.
        left.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> leftScroll.getViewportBounds().getHeight(), leftScroll.viewportBoundsProperty()));
        leftScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        // The four class columns side by side at any text size (their headers set their minimum widths): the pane
        // is at least that wide, and the split gives the thumbnails less room instead of hiding Brightness.
        Runnable fitClassColumns = () -> {
            double columns = classTable.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
            double around = leftScroll.getWidth() > 0 && classTable.getWidth() > 0
                    ? leftScroll.getWidth() - classTable.getWidth() : 40;
            leftScroll.setMinWidth(Math.ceil(columns + around + 4));
        };
        classTable.getColumns().forEach(c -> c.minWidthProperty().addListener(o -> fitClassColumns.run()));

        thumbnails.setId("thumbnails");
        thumbnails.setCellFactory(list -> new ThumbCell());
        thumbnails.setPlaceholder(new Label("Thumbnails appear here"));
        TableColumn<SkippedFile, String> file = new TableColumn<>("File");
        file.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(String.valueOf(c.getValue().file())));
        file.setPrefWidth(360);
        TableColumn<SkippedFile, String> reason = new TableColumn<>("Why it was skipped");
        reason.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().reason()));
        reason.setPrefWidth(420);
        skipped.getColumns().setAll(List.of(file, reason));
        skipped.setId("skippedTable");
        skipped.setPlaceholder(new Label("Nothing was skipped"));
        Button refresh = new Button("New random batch", new FontIcon(Feather.REFRESH_CW));
        refresh.setOnAction(e -> refreshNetworkView());
        Help.tip(refresh, "Draw another training batch, with fresh augmentation");
        Label explain = new Label("A training batch after resizing, normalization and augmentation, mapped back to 0–255 "
                + "through the normalizer (values outside are clipped). Below each image: the range of values the first "
                + "layer actually receives.");
        explain.setWrapText(true);
        networkView.setId("networkView");
        networkView.setPrefColumns(8);
        VBox sees = new VBox(8, new HBox(10, refresh), explain, networkView);
        sees.setPadding(new Insets(10));
        Tab thumbs = new Tab("Thumbnails", thumbnails);
        Tab seen = new Tab("What the network sees", sees);
        Tab skippedTab = new Tab("Skipped files", skipped);
        skippedTab.textProperty().bind(Bindings.createStringBinding(() -> "Skipped files (" + skipped.getItems().size() + ")",
                skipped.getItems()));
        TabPane tabs = new TabPane(thumbs, seen, skippedTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // A class row leads to that class's thumbnails: with 360 circles first, the squares were 36 rows down.
        classTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                tabs.getSelectionModel().select(thumbs);
                showClassThumbnails(row.getName());
            }
        });
        SplitPane split = new SplitPane(leftScroll, tabs);
        split.setDividerPositions(0.42);
        return split;
    }

    private void show(DatasetStatistics stats) {
        ImageDataset data = context.datasetProperty().get();
        if (stats == null || data == null) {
            classTable.getItems().clear();
            countChart.getData().clear();
            thumbnails.getItems().clear();
            skipped.getItems().clear();
            return;
        }
        List<ClassRow> rows = new ArrayList<>();
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int c = 0; c < stats.classes().size(); c++) {
            rows.add(new ClassRow(stats.classes().get(c), stats.counts()[c],
                    Formats.percent((double) stats.counts()[c] / stats.total()), String.format("%.0f", stats.meanBrightness()[c])));
            series.getData().add(new XYChart.Data<>(stats.classes().get(c), stats.counts()[c]));
        }
        classTable.getItems().setAll(rows);
        countChart.getData().setAll(List.of(series));
        ExperimentConfig config = context.configProperty().get();
        TrainingViews views = TrainingViews.of(config.data(), data, null);
        summary.setText(String.format("%s.%nThe network sees each image as %d×%d pixels, %s; %d go to training and %d to "
                        + "validation (the same share of every class, shuffled with seed %d).",
                stats.describeSources(), data.imageSize(), data.imageSize(), data.channels() == 1 ? "grey" : "in colour",
                views.train().count(), views.validation().count(), config.data().seed()));
        ClassBalance balance = stats.balance();
        boolean imbalanced = balance.verdict() == ClassBalance.Verdict.STRONG;
        imbalance.setText(balance.describe(stats.classes()));
        imbalance.getStyleClass().removeAll("warning-text");
        if (imbalanced) {
            imbalance.getStyleClass().add("warning-text");
        }
        List<ThumbRow> thumbRows = new ArrayList<>();
        for (int c = 0; c < data.classCount(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < data.count(); i++) {
                if (data.label(i) == c) {
                    members.add(i);
                }
            }
            for (int from = 0; from < members.size(); from += THUMBS_PER_ROW) {
                thumbRows.add(new ThumbRow(data, data.classes().get(c), from == 0,
                        members.subList(from, Math.min(members.size(), from + THUMBS_PER_ROW))));
            }
        }
        thumbnails.getItems().setAll(thumbRows);
        skipped.getItems().setAll(data.skipped());
        refreshNetworkView();
    }

    /** Scrolls the thumbnails to the first row of {@code className}. */
    void showClassThumbnails(String className) {
        for (int i = 0; i < thumbnails.getItems().size(); i++) {
            ThumbRow row = thumbnails.getItems().get(i);
            if (row.first() && row.className().equals(className)) {
                thumbnails.scrollTo(i);
                thumbnails.getSelectionModel().select(i);
                return;
            }
        }
    }

    /** The image at its source size (up to 512 px on screen), with its file name, pixel size and file size. */
    static void openPreview(ImageDataset data, int index, javafx.stage.Window owner) {
        Path path = data.path(index);
        var info = data.info(index);
        javafx.scene.image.Image image = new javafx.scene.image.Image(path.toUri().toString(), 512, 512, true, false, true);
        ImageView view = new ImageView(image);
        view.setId("previewImage");
        // A format JavaFX cannot decode (TIFF, WebP…) still shows, from the decoded copy the dataset keeps.
        image.errorProperty().addListener((o, a, failed) -> {
            if (failed) {
                view.setImage(FxImages.of(data, index));
            }
        });
        // Small sources are scaled up without smoothing, so their pixels stay visible.
        double scale = Math.max(1, Math.min(8, 256.0 / Math.max(info.width(), info.height())));
        view.setFitWidth(Math.min(512, info.width() * scale));
        view.setFitHeight(Math.min(512, info.height() * scale));
        view.setPreserveRatio(true);
        view.setSmooth(scale <= 1);
        Label caption = new Label(String.format("%s%nclass %s · %d×%d px · %s · %s", path.getFileName(),
                data.classes().get(data.label(index)), info.width(), info.height(), info.format(),
                Formats.bytes(info.fileBytes())));
        caption.setId("previewCaption");
        VBox box = new VBox(8, view, caption);
        box.setPadding(new Insets(12));
        javafx.scene.control.Dialog<Void> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle(path.getFileName().toString());
        dialog.getDialogPane().setId("thumbnailPreview");
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        dialog.initModality(javafx.stage.Modality.NONE);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }

    /**
     * Builds one augmented, normalised batch exactly as training does, on the loading executor (the
     * first ND4J call can take seconds), and shows it mapped back to 0–255 through the normalizer.
     */
    private void refreshNetworkView() {
        ImageDataset data = context.datasetProperty().get();
        networkView.getChildren().clear();
        long generation = ++networkViewGeneration;
        if (data == null) {
            return;
        }
        ExperimentConfig config = context.configProperty().get();
        if (config.data().imageSize() != data.imageSize() || config.data().channels() != data.channels()) {
            networkView.getChildren().add(new Label("The image size or channels changed: reload the folder to see the new inputs."));
            return;
        }
        Label pending = new Label("Preparing a training batch…");
        pending.getStyleClass().add("caption");
        networkView.getChildren().add(pending);
        CompletableFuture.supplyAsync(() -> NetworkInputSample.draw(config, data, NETWORK_VIEW_IMAGES, new Random()),
                        context.loadingExecutor())
                .whenCompleteAsync((batch, error) -> {
                    if (generation != networkViewGeneration) {
                        return; // a newer request (new data or config) replaced this one
                    }
                    networkView.getChildren().clear();
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        Label failed = new Label("Cannot build a batch: " + cause.getMessage());
                        failed.getStyleClass().add("error-text");
                        networkView.getChildren().add(failed);
                    } else {
                        showBatch(batch, data);
                    }
                }, Platform::runLater);
    }

    private void showBatch(NetworkInputSample batch, ImageDataset data) {
        int per = data.imageBytes();
        for (int i = 0; i < batch.order().length; i++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = i * per; k < (i + 1) * per; k++) {
                min = Math.min(min, batch.values()[k]);
                max = Math.max(max, batch.values()[k]);
            }
            ImageView view = new ImageView(FxImages.ofTensor(batch.values(), i * per, data.imageSize(), data.channels(),
                    batch.normalizer()));
            view.setFitWidth(84);
            view.setFitHeight(84);
            view.setSmooth(false);
            Label caption = new Label(String.format("%s%n[%.2f, %.2f]", data.classes().get(data.label(batch.order()[i])),
                    min, max));
            caption.getStyleClass().add("caption");
            VBox cell = new VBox(2, view, caption);
            cell.getStyleClass().add("network-input");
            networkView.getChildren().add(cell);
        }
    }


    /** A row of the class table. Public getters for PropertyValueFactory. */
    public static final class ClassRow {
        private final String name;
        private final int count;
        private final String share;
        private final String brightness;

        ClassRow(String name, int count, String share, String brightness) {
            this.name = name;
            this.count = count;
            this.share = share;
            this.brightness = brightness;
        }

        public String getName() { return name; }
        public int getCount() { return count; }
        public String getShare() { return share; }
        public String getBrightness() { return brightness; }
    }

    record ThumbRow(ImageDataset data, String className, boolean first, List<Integer> indices) {
    }

    /** Builds its thumbnails only when shown, so thousands of images stay fast. */
    private static final class ThumbCell extends ListCell<ThumbRow> {
        @Override
        protected void updateItem(ThumbRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            HBox images = new HBox(4);
            for (int index : row.indices()) {
                ImageView view = new ImageView(FxImages.of(row.data(), index));
                view.setFitWidth(56);
                view.setFitHeight(56);
                Tooltip.install(view, new Tooltip(row.data().path(index).getFileName() + " — "
                        + row.data().info(index).width() + "×" + row.data().info(index).height() + " · click to enlarge"));
                view.setId("thumb-" + index);
                view.setCursor(javafx.scene.Cursor.HAND);
                view.setOnMouseClicked(e -> openPreview(row.data(), index,
                        getScene() == null ? null : getScene().getWindow()));
                images.getChildren().add(view);
            }
            Label label = new Label(row.first() ? row.className() : "");
            label.setMinWidth(90);
            label.getStyleClass().add("thumb-class");
            GridPane.setHgrow(images, Priority.ALWAYS);
            HBox box = new HBox(8, label, images);
            box.setAlignment(Pos.CENTER_LEFT);
            setGraphic(box);
            setText(null);
        }
    }

}
