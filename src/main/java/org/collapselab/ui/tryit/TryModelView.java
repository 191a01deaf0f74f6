package org.collapselab.ui.tryit;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.collapselab.core.experiment.TryResult;
import org.collapselab.core.explain.OcclusionMap;
import org.collapselab.ui.common.FxImages;
import org.collapselab.ui.help.Help;
import org.collapselab.ui.train.ConfusionMatrixView;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Try the model": drop or choose images (or a folder) and see the predicted class with the probability of every
 * class, the confusion against class sub-folders, the warning when the images are unlike the training images, and,
 * for the selected image, where the model looks (an occlusion map over the image the model sees). FX thread.
 */
public final class TryModelView {
    static final int IMAGE_SIDE = 224;
    private final TryModelViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<Integer> images = new ListView<>();
    private final ImageView picture = new ImageView();
    private final ImageView underMap = new ImageView();
    private final ImageView heat = new ImageView();
    private final VBox bars = new VBox(4);
    private final Label imageTitle = new Label();
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final VBox confusionBox;

    public TryModelView(TryModelViewModel model) {
        this.model = model;
        root.setId("tryModelView");
        Button chooseImages = new Button("Choose images…", new FontIcon(Feather.IMAGE));
        chooseImages.setId("tryChooseImages");
        chooseImages.setOnAction(e -> chooseImages());
        Help.tip(chooseImages, "Choose image files to classify with this model (or drop them on the window)");
        Button chooseFolder = new Button("Choose folder…", new FontIcon(Feather.FOLDER));
        chooseFolder.setId("tryChooseFolder");
        chooseFolder.setTooltip(new Tooltip("A folder with one sub-folder per class gives the confusion against those "
                + "labels; any other folder is classified image by image"));
        chooseFolder.setOnAction(e -> chooseFolder());
        Button mistakes = new Button("Validation mistakes", new FontIcon(Feather.X_CIRCLE));
        mistakes.setId("tryValidationMistakes");
        mistakes.setTooltip(new Tooltip("The run's validation images that the model gets wrong, with where it looked"));
        mistakes.setOnAction(e -> model.validationMistakes());
        Button cancel = new Button("Cancel", new FontIcon(Feather.SQUARE));
        cancel.setId("tryCancel");
        cancel.disableProperty().bind(model.busyProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Help.tip(cancel, "Stop classifying; the images done so far stay");
        var noModel = model.tryoutProperty().isNull().or(model.busyProperty());
        chooseImages.disableProperty().bind(noModel);
        chooseFolder.disableProperty().bind(noModel);
        mistakes.disableProperty().bind(noModel);
        ProgressBar progress = new ProgressBar();
        progress.setId("tryProgress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        HBox controls = new HBox(8, chooseImages, chooseFolder, mistakes, cancel, progress);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("tryStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label error = new Label();
        error.setId("tryError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        Label warning = new Label();
        warning.setId("tryFingerprintWarning");
        warning.getStyleClass().add("collapse-banner");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.textProperty().bind(Bindings.createStringBinding(() -> model.resultProperty().get() == null ? ""
                : TryModelViewModel.fingerprintWarning(model.resultProperty().get()), model.resultProperty()));
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        VBox top = new VBox(6, controls, status, error, warning);
        top.setPadding(new Insets(10));
        root.setTop(top);

        images.setId("tryImages");
        images.setPrefWidth(300);
        images.setPlaceholder(new Label("Drop images or a folder here"));
        images.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Integer index, boolean empty) {
                super.updateItem(index, empty);
                TryResult r = model.resultProperty().get();
                if (empty || index == null || r == null || index >= r.count()) {
                    setText(null);
                    return;
                }
                setText(rowText(r, index));
            }
        });
        images.getSelectionModel().selectedItemProperty().addListener((o, a, index) -> {
            if (index != null && !index.equals(model.selectedProperty().get())) {
                model.select(index);
            }
        });

        picture.setFitWidth(IMAGE_SIDE);
        picture.setFitHeight(IMAGE_SIDE);
        picture.setSmooth(false);
        picture.setId("tryPicture");
        underMap.setFitWidth(IMAGE_SIDE);
        underMap.setFitHeight(IMAGE_SIDE);
        underMap.setSmooth(false);
        underMap.imageProperty().bind(picture.imageProperty());
        heat.setFitWidth(IMAGE_SIDE);
        heat.setFitHeight(IMAGE_SIDE);
        heat.setSmooth(true);
        heat.setOpacity(0.75);
        heat.setId("tryOcclusion");
        CheckBox showMap = new CheckBox("Show the map over the image");
        showMap.setId("tryShowMap");
        showMap.setSelected(true);
        Help.tip(showMap, "Colour the image by how much covering each part lowers the predicted class's score");
        heat.visibleProperty().bind(showMap.selectedProperty());
        StackPane mapStack = new StackPane(underMap, heat);
        mapStack.setMinSize(IMAGE_SIDE, IMAGE_SIDE);
        mapStack.setMaxSize(IMAGE_SIDE, IMAGE_SIDE);
        Label seesCaption = new Label("What the model sees");
        seesCaption.getStyleClass().add("caption");
        Label looksCaption = new Label("Where it looks");
        looksCaption.getStyleClass().add("caption");
        HBox imageStack = new HBox(10, new VBox(2, seesCaption, picture), new VBox(2, looksCaption, mapStack));
        Label mapCaption = new Label();
        mapCaption.getStyleClass().add("caption");
        mapCaption.setWrapText(true);
        mapCaption.setMaxWidth(2 * IMAGE_SIDE + 10);
        mapCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        mapCaption.textProperty().bind(Bindings.createStringBinding(() -> mapCaption(model.occlusionProperty().get(),
                model.resultProperty().get(), model.mapTimingProperty().get()), model.occlusionProperty(),
                model.mapTimingProperty()));
        mapCaption.setId("tryMapCaption");
        imageTitle.setId("tryImageTitle");
        imageTitle.getStyleClass().add("chart-title-label");
        imageTitle.setWrapText(true);
        bars.setId("tryBars");
        bars.setPrefWidth(320);
        VBox picturePane = new VBox(6, imageTitle, imageStack, showMap, mapCaption);
        VBox barPane = new VBox(6, new Label("Probability of every class"), bars);
        HBox detail = new HBox(18, picturePane, barPane);
        HBox.setHgrow(barPane, Priority.ALWAYS);
        confusionBox = new VBox(6, new Label("Confusion against the folder labels (rows: true class)"), confusion);
        confusionBox.setId("tryConfusion");
        confusionBox.setPrefHeight(230);
        confusionBox.managedProperty().bind(confusionBox.visibleProperty());
        VBox right = new VBox(12, detail, confusionBox);
        right.setPadding(new Insets(0, 10, 10, 0));
        HBox center = new HBox(12, images, right);
        center.setPadding(new Insets(0, 0, 0, 10));
        HBox.setHgrow(right, Priority.ALWAYS);
        root.setCenter(center);

        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        model.resultProperty().addListener((o, a, r) -> showResult(r));
        model.selectedProperty().addListener((o, a, index) -> showImage(index));
        model.occlusionProperty().addListener((o, a, map) -> heat.setImage(map == null ? null : heatImage(map)));
        showResult(null);
    }

    public Node node() {
        return root;
    }

    public TryModelViewModel model() {
        return model;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && model.tryoutProperty().get() != null && !model.busyProperty().get()) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            model.classify(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void chooseImages() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Images to classify");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                "*.bmp", "*.gif", "*.PNG", "*.JPG", "*.JPEG"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) {
            model.classify(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder of images, or of class sub-folders");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            model.classify(List.of(folder.toPath()));
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void showResult(TryResult r) {
        images.getItems().clear();
        if (r != null) {
            // Indices only: a ListView of a thousand rows builds cells for the visible ones alone.
            Integer[] indices = new Integer[r.count()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = i;
            }
            images.getItems().setAll(indices);
        }
        boolean labelled = r != null && r.confusionOrNull() != null;
        confusionBox.setVisible(labelled);
        confusion.show(labelled ? r.confusionOrNull() : null);
        showImage(model.selectedProperty().get());
    }

    private void showImage(Integer index) {
        TryResult r = model.resultProperty().get();
        bars.getChildren().clear();
        if (r == null || index == null || index >= r.count()) {
            picture.setImage(null);
            heat.setImage(null);
            imageTitle.setText("");
            return;
        }
        if (!index.equals(images.getSelectionModel().getSelectedItem())) {
            images.getSelectionModel().select(index);
            images.scrollTo(index);
        }
        picture.setImage(FxImages.of(r.images(), index));
        List<String> classes = r.images().classes();
        int predicted = r.predicted()[index];
        String truth = r.labelled() ? " · true class " + classes.get(r.images().label(index)) : "";
        imageTitle.setText(r.images().path(index).getFileName() + ": " + classes.get(predicted) + " ("
                + percent(r.probabilities()[index][predicted]) + ")" + truth);
        for (int c = 0; c < classes.size(); c++) {
            float p = r.probabilities()[index][c];
            Label name = new Label(classes.get(c));
            name.setMinWidth(90);
            ProgressBar bar = new ProgressBar(p);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setId("tryBar-" + classes.get(c));
            if (c == predicted) {
                bar.getStyleClass().add("predicted-bar");
                name.setStyle(null);
                name.getStyleClass().add("chart-title-label");
            }
            Label value = new Label(percent(p));
            value.setMinWidth(60);
            HBox row = new HBox(8, name, bar, value);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(bar, Priority.ALWAYS);
            bars.getChildren().add(row);
        }
    }

    static String rowText(TryResult r, int index) {
        List<String> classes = r.images().classes();
        int predicted = r.predicted()[index];
        boolean wrong = r.labelled() && predicted != r.images().label(index);
        return (wrong ? "✗ " : "") + r.images().path(index).getFileName() + " → " + classes.get(predicted) + " "
                + percent(r.probabilities()[index][predicted]);
    }

    static String mapCaption(OcclusionMap map, TryResult result, String timing) {
        if (result == null || result.count() == 0) {
            return "";
        }
        if (map == null) {
            return "Where the model looks: computing…";
        }
        return String.format(Locale.ROOT, "Red: hiding this part with a grey patch lowers the model's confidence in "
                + "'%s' (by up to %.1f nats of log-odds); blue: raises it. Occlusion sensitivity (Zeiler and Fergus "
                + "2014): %s.", result.images().classes().get(map.targetClass()), map.maxDrop(), timing);
    }

    /** Red where hiding the pixel lowers the evidence, blue where it raises it; alpha by size, scaled to the map's peak. */
    static WritableImage heatImage(OcclusionMap map) {
        int size = map.size();
        float peak = 1e-6f;
        for (float d : map.drop()) {
            peak = Math.max(peak, Math.abs(d));
        }
        WritableImage image = new WritableImage(size, size);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float v = map.at(x, y) / peak;
                int alpha = (int) Math.round(255 * Math.min(1, Math.abs(v)));
                int rgb = v >= 0 ? 0xE03020 : 0x2060E0;
                writer.setArgb(x, y, (alpha << 24) | rgb);
            }
        }
        return image;
    }

    private static String percent(float p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /** Opens the view for a run's model in its own window; closing it stops its work. */
    public static TryModelView open(Window owner, Path runFolder) {
        TryModelView view = new TryModelView(new TryModelViewModel(runFolder));
        javafx.stage.Stage stage = new javafx.stage.Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Try the model · " + runFolder.getFileName());
        javafx.scene.Scene scene = new javafx.scene.Scene((javafx.scene.Parent) view.node(), 1120, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> view.model().close());
        stage.show();
        return view;
    }
}
