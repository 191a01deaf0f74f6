package org.collapselab.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.collapselab.core.model.Activation;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigError;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.Device;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerType;
import org.collapselab.core.model.LossFunction;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.model.Optimizer;
import org.collapselab.core.model.OutputActivation;
import org.collapselab.core.model.WeightInit;
import org.collapselab.core.util.Json;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Screen 2: the network and its hyperparameters, validated as you type. */
public final class ModelScreen {
    private static final String ERROR_TOOLTIP = "collapselab.errorTooltip";
    private final ModelViewModel model;
    private final VBox root = new VBox();
    private final ListView<String> layers = new ListView<>();
    private final VBox layerEditor = new VBox(6);
    private final VBox errorBox = new VBox(2);
    private boolean updating;
    private final Runnable refreshControls;

    public ModelScreen(ModelViewModel model) {
        this.model = model;
        GridPane data = grid();
        GridPane training = grid();
        GridPane output = grid();
        List<Runnable> refreshers = new java.util.ArrayList<>();

        // Training
        Slider learningRate = new Slider(-6, 0, -3);
        learningRate.setId("learningRate");
        learningRate.setMajorTickUnit(1);
        learningRate.setShowTickMarks(true);
        Label lrValue = new Label();
        lrValue.setId("learningRateValue");
        lrValue.setMinWidth(70);
        learningRate.valueProperty().addListener((obs, old, v) -> {
            double lr = roundSignificant(Math.pow(10, v.doubleValue()));
            lrValue.setText(String.valueOf(lr));
            if (!updating) {
                model.set("training.learningRate", lr);
            }
        });
        refreshers.add(() -> {
            double lr = model.get("training.learningRate").asDouble();
            learningRate.setValue(Math.log10(lr));
            lrValue.setText(String.valueOf(lr));
        });
        row(training, 0, "Learning rate (log scale)", new HBox(8, learningRate, lrValue), "training.learningRate");
        row(training, 1, "Optimizer", choice("training.optimizer", Optimizer.names(), refreshers), "training.optimizer");
        row(training, 2, "Batch size", intSpinner("training.batchSize", 1, 1024, refreshers), "training.batchSize");
        row(training, 3, "Epochs", intSpinner("training.epochs", 1, 500, refreshers), "training.epochs");
        TextField l2 = numberField("training.l2", refreshers);
        l2.setId("l2");
        row(training, 4, "L2 weight decay", l2, "training.l2");
        Slider dropout = new Slider(0, 0.9, 0);
        dropout.setId("dropout");
        Label dropoutValue = new Label();
        dropout.valueProperty().addListener((obs, old, v) -> {
            double rate = Math.round(v.doubleValue() * 20) / 20.0;
            dropoutValue.setText(rate == 0 ? "off" : String.valueOf(rate));
            if (!updating) {
                setDropoutBeforeOutput(rate);
            }
        });
        refreshers.add(() -> {
            dropout.setValue(dropoutBeforeOutput());
            dropoutValue.setText(dropoutBeforeOutput() == 0 ? "off" : String.valueOf(dropoutBeforeOutput()));
        });
        row(training, 5, "Dropout before output", new HBox(8, dropout, dropoutValue), "model.layers");
        row(training, 6, "Early stopping patience (0 = off)", intSpinner("training.earlyStoppingPatience", 0, 100, refreshers),
                "training.earlyStoppingPatience");
        row(training, 7, "Device", choice("training.device", Device.names(), refreshers), "training.device");

        // Output
        row(output, 0, "Output activation", choice("model.outputActivation", OutputActivation.names(), refreshers),
                "model.outputActivation");
        row(output, 1, "Loss", choice("model.loss", LossFunction.names(), refreshers), "model.loss");
        row(output, 2, "Weight initialisation", choice("model.weightInit", WeightInit.names(), refreshers), "model.weightInit");

        // Data
        Spinner<Integer> imageSize = intSpinner("data.imageSize", 1, 512, refreshers);
        imageSize.setId("imageSize");
        row(data, 0, "Image size (pixels)", imageSize, "data.imageSize");
        row(data, 1, "Channels (1 gray, 3 RGB)", intChoice("data.channels", List.of(1, 3), refreshers), "data.channels");
        row(data, 2, "Normalization", choice("data.normalization", Normalization.names(), refreshers), "data.normalization");
        row(data, 3, "Class balance", choice("data.balance", Balance.names(), refreshers), "data.balance");
        row(data, 4, "Validation fraction", slider("data.validationFraction", 0.05, 0.5, refreshers), "data.validationFraction");
        row(data, 5, "Seed", intSpinner("data.seed", 0, 1_000_000, refreshers), "data.seed");
        CheckBox flip = new CheckBox("horizontal flip");
        flip.selectedProperty().addListener((o, a, v) -> {
            if (!updating) {
                model.set("data.augmentation.flip", v);
            }
        });
        refreshers.add(() -> flip.setSelected(model.get("data.augmentation.flip").asBoolean()));
        row(data, 6, "Augmentation", flip, "data.augmentation");
        row(data, 7, "  rotation (degrees)", slider("data.augmentation.rotationDegrees", 0, 45, refreshers),
                "data.augmentation.rotationDegrees");
        row(data, 8, "  shift (fraction)", slider("data.augmentation.shift", 0, 0.3, refreshers), "data.augmentation.shift");
        row(data, 9, "  zoom (fraction)", slider("data.augmentation.zoom", 0, 0.3, refreshers), "data.augmentation.zoom");

        // Layers
        layers.setId("layerList");
        layers.setPrefHeight(220);
        layers.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> showLayerEditor(i.intValue()));
        MenuButton add = new MenuButton("Add layer", new FontIcon(Feather.PLUS));
        add.setId("addLayer");
        for (LayerType type : LayerType.values()) {
            MenuItem item = new MenuItem(type.json());
            item.setOnAction(e -> addLayer(type));
            add.getItems().add(item);
        }
        Button remove = new Button("", new FontIcon(Feather.TRASH_2));
        remove.setId("removeLayer");
        remove.setOnAction(e -> editLayers(list -> list.remove(selected())));
        Button up = new Button("", new FontIcon(Feather.ARROW_UP));
        up.setOnAction(e -> move(-1));
        Button down = new Button("", new FontIcon(Feather.ARROW_DOWN));
        down.setOnAction(e -> move(1));
        remove.disableProperty().bind(layers.getSelectionModel().selectedIndexProperty().lessThan(0));
        up.disableProperty().bind(remove.disableProperty());
        down.disableProperty().bind(remove.disableProperty());
        HBox layerButtons = new HBox(6, add, remove, up, down);
        Label outputNote = new Label("…then the output layer (one unit per class).");
        outputNote.getStyleClass().add("caption");
        VBox layerBox = new VBox(8, layerButtons, layers, outputNote, layerEditor);
        refreshers.add(this::refreshLayers);

        // Save / load / summary / errors
        Button save = new Button("Save config…", new FontIcon(Feather.SAVE));
        save.setOnAction(e -> save());
        Button load = new Button("Load config…", new FontIcon(Feather.UPLOAD));
        load.setOnAction(e -> load());
        Button reset = new Button("Reset to defaults", new FontIcon(Feather.ROTATE_CCW));
        reset.setOnAction(e -> apply(ConfigCodec.defaults()));
        Label summary = new Label();
        summary.setId("modelSummary");
        summary.textProperty().bind(model.summaryProperty());
        HBox top = new HBox(10, save, load, reset, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        errorBox.setId("configErrors");
        model.errors().addListener((ListChangeListener<ConfigError>) c -> showErrors());

        TitledPane layersPane = new TitledPane("Hidden layers", layerBox);
        TitledPane outputPane = new TitledPane("Output, loss and initialisation", output);
        TitledPane trainingPane = new TitledPane("Training", training);
        TitledPane dataPane = new TitledPane("Data handling", data);
        for (TitledPane p : List.of(layersPane, outputPane, trainingPane, dataPane)) {
            p.setCollapsible(false);
        }
        VBox leftColumn = new VBox(10, layersPane, outputPane);
        VBox rightColumn = new VBox(10, trainingPane, dataPane);
        HBox.setHgrow(leftColumn, Priority.ALWAYS);
        HBox.setHgrow(rightColumn, Priority.ALWAYS);
        leftColumn.setPrefWidth(480);
        rightColumn.setPrefWidth(520);
        HBox columns = new HBox(12, leftColumn, rightColumn);
        VBox content = new VBox(10, top, errorBox, columns);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root.getChildren().setAll(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        refreshControls = () -> {
            updating = true;
            try {
                refreshers.forEach(Runnable::run);
            } finally {
                updating = false;
            }
        };
        refreshControls.run();
        showErrors();
    }

    public Node node() {
        return root;
    }

    /** Replaces the edited config (load, examples, apply fix) and refreshes every control. */
    public void apply(ExperimentConfig config) {
        model.replace(config);
        refreshControls.run();
    }

    private void showErrors() {
        errorBox.getChildren().clear();
        for (ConfigError error : model.errors()) {
            Label label = new Label("⚠ " + error.path() + ": " + error.reason());
            label.getStyleClass().add("error-text");
            label.setWrapText(true);
            errorBox.getChildren().add(label);
        }
        if (!model.errors().isEmpty()) {
            Label keep = new Label("Training uses the last valid config until these are fixed.");
            keep.getStyleClass().add("caption");
            errorBox.getChildren().add(keep);
        }
        markInvalid(root);
    }

    private void markInvalid(Node node) {
        if (node.getUserData() instanceof String path) {
            List<ConfigError> mine = model.errorsFor(path);
            boolean bad = !mine.isEmpty();
            node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), bad);
            // The reason also sits on the control itself, so it is found where the mistake is.
            if (node instanceof javafx.scene.control.Control control) {
                Object ours = control.getProperties().get(ERROR_TOOLTIP);
                if (bad) {
                    javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(mine.stream()
                            .map(e -> e.path() + ": " + e.reason()).collect(java.util.stream.Collectors.joining("\n")));
                    tip.getStyleClass().add("error-tooltip");
                    tip.setShowDelay(javafx.util.Duration.millis(100));
                    control.getProperties().put(ERROR_TOOLTIP, tip);
                    control.setTooltip(tip);
                } else if (ours != null && control.getTooltip() == ours) {
                    control.setTooltip(null);
                    control.getProperties().remove(ERROR_TOOLTIP);
                }
            }
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                markInvalid(child);
            }
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            markInvalid(scroll.getContent());
        }
        if (node instanceof TitledPane pane && pane.getContent() != null) {
            markInvalid(pane.getContent());
        }
    }

    private void refreshLayers() {
        int keep = layers.getSelectionModel().getSelectedIndex();
        ArrayNode array = (ArrayNode) model.get("model.layers");
        List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add((i + 1) + ". " + describe(array.get(i)));
        }
        layers.getItems().setAll(items);
        if (keep >= 0 && keep < items.size()) {
            layers.getSelectionModel().select(keep);
        }
    }

    private static String describe(JsonNode layer) {
        String type = layer.path("type").asText("?");
        return switch (type) {
            case "conv" -> "conv " + layer.path("filters").asText() + " filters " + layer.path("kernel").asText() + "×"
                    + layer.path("kernel").asText() + (layer.has("stride") ? " stride " + layer.get("stride").asText() : "")
                    + ", " + layer.path("activation").asText();
            case "pool" -> "max pool " + layer.path("size").asText() + "×" + layer.path("size").asText();
            case "dense" -> "dense " + layer.path("units").asText() + " units, " + layer.path("activation").asText();
            case "dropout" -> "dropout " + layer.path("rate").asText();
            case "batchnorm" -> "batch normalization";
            default -> type;
        };
    }

    private void showLayerEditor(int index) {
        layerEditor.getChildren().clear();
        ArrayNode array = (ArrayNode) model.get("model.layers");
        if (index < 0 || index >= array.size()) {
            return;
        }
        ObjectNode layer = (ObjectNode) array.get(index);
        GridPane form = grid();
        int row = 0;
        String type = layer.path("type").asText();
        for (String field : switch (type) {
            case "conv" -> List.of("filters", "kernel", "stride", "activation");
            case "pool" -> List.of("size");
            case "dense" -> List.of("units", "activation");
            case "dropout" -> List.of("rate");
            default -> List.<String>of();
        }) {
            Node control;
            if (field.equals("activation")) {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(Activation.names());
                box.setValue(layer.path(field).asText("relu"));
                box.setOnAction(e -> editLayer(index, l -> l.put(field, box.getValue())));
                control = box;
            } else if (field.equals("rate")) {
                TextField text = new TextField(layer.path(field).asText());
                text.setOnAction(e -> editLayer(index, l -> putNumber(l, field, text.getText())));
                text.focusedProperty().addListener((o, was, now) -> {
                    if (!now) {
                        editLayer(index, l -> putNumber(l, field, text.getText()));
                    }
                });
                control = text;
            } else {
                int value = layer.has(field) ? layer.get(field).asInt() : 1;
                Spinner<Integer> spinner = new Spinner<>(1, 4096, value);
                spinner.setEditable(true);
                spinner.valueProperty().addListener((o, a, v) -> editLayer(index, l -> l.put(field, v)));
                control = spinner;
            }
            row(form, row++, field, control, "model.layers[" + index + "]." + field);
        }
        Label title = new Label("Layer " + (index + 1) + ": " + type);
        title.getStyleClass().add("section-title");
        layerEditor.getChildren().addAll(title, form);
    }

    private void editLayer(int index, Consumer<ObjectNode> change) {
        editLayers(list -> change.accept((ObjectNode) list.get(index)));
    }

    private void editLayers(Consumer<ArrayNode> change) {
        ArrayNode array = ((ArrayNode) model.get("model.layers")).deepCopy();
        change.accept(array);
        model.set("model.layers", array);
        updating = true;
        try {
            refreshLayers();
        } finally {
            updating = false;
        }
    }

    private void addLayer(LayerType type) {
        ObjectNode layer = Json.MAPPER.createObjectNode().put("type", type.json());
        switch (type) {
            case CONV -> layer.put("filters", 16).put("kernel", 3).put("activation", "relu");
            case POOL -> layer.put("size", 2);
            case DENSE -> layer.put("units", 64).put("activation", "relu");
            case DROPOUT -> layer.put("rate", 0.5);
            default -> { }
        }
        int at = selected() >= 0 ? selected() + 1 : ((ArrayNode) model.get("model.layers")).size();
        editLayers(list -> list.insert(at, layer));
        layers.getSelectionModel().select(at);
    }

    private void move(int delta) {
        int from = selected();
        int to = from + delta;
        ArrayNode array = (ArrayNode) model.get("model.layers");
        if (from < 0 || to < 0 || to >= array.size()) {
            return;
        }
        editLayers(list -> {
            JsonNode item = list.remove(from);
            list.insert(to, item);
        });
        layers.getSelectionModel().select(to);
    }

    private int selected() {
        return layers.getSelectionModel().getSelectedIndex();
    }

    private double dropoutBeforeOutput() {
        ArrayNode array = (ArrayNode) model.get("model.layers");
        JsonNode last = array.size() == 0 ? null : array.get(array.size() - 1);
        return last != null && "dropout".equals(last.path("type").asText()) ? last.path("rate").asDouble() : 0;
    }

    private void setDropoutBeforeOutput(double rate) {
        editLayers(list -> {
            JsonNode last = list.size() == 0 ? null : list.get(list.size() - 1);
            boolean has = last != null && "dropout".equals(last.path("type").asText());
            if (rate <= 0 && has) {
                list.remove(list.size() - 1);
            } else if (rate > 0 && has) {
                ((ObjectNode) last).put("rate", rate);
            } else if (rate > 0) {
                list.add(Json.MAPPER.createObjectNode().put("type", "dropout").put("rate", rate));
            }
        });
    }

    private ComboBox<String> choice(String path, List<String> values, List<Runnable> refreshers) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(path.substring(path.lastIndexOf('.') + 1));
        box.getItems().setAll(values);
        box.setOnAction(e -> {
            if (!updating && box.getValue() != null) {
                model.set(path, box.getValue());
            }
        });
        refreshers.add(() -> box.setValue(model.get(path).asText()));
        return box;
    }

    private ComboBox<Integer> intChoice(String path, List<Integer> values, List<Runnable> refreshers) {
        ComboBox<Integer> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setOnAction(e -> {
            if (!updating && box.getValue() != null) {
                model.set(path, box.getValue());
            }
        });
        refreshers.add(() -> box.setValue(model.get(path).asInt()));
        return box;
    }

    private Spinner<Integer> intSpinner(String path, int min, int max, List<Runnable> refreshers) {
        Spinner<Integer> spinner = new Spinner<>(min, max, min);
        spinner.setId(path.substring(path.lastIndexOf('.') + 1));
        spinner.setEditable(true);
        spinner.setPrefWidth(120);
        spinner.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null) {
                model.set(path, v);
            }
        });
        refreshers.add(() -> spinner.getValueFactory().setValue(model.get(path).asInt()));
        return spinner;
    }

    private HBox slider(String path, double min, double max, List<Runnable> refreshers) {
        Slider slider = new Slider(min, max, min);
        Label value = new Label();
        value.setMinWidth(50);
        slider.valueProperty().addListener((o, a, v) -> {
            double rounded = Math.round(v.doubleValue() * 100) / 100.0;
            value.setText(String.valueOf(rounded));
            if (!updating) {
                model.set(path, rounded);
            }
        });
        refreshers.add(() -> {
            slider.setValue(model.get(path).asDouble());
            value.setText(String.valueOf(model.get(path).asDouble()));
        });
        return new HBox(8, slider, value);
    }

    private TextField numberField(String path, List<Runnable> refreshers) {
        TextField field = new TextField();
        field.setPrefWidth(120);
        Runnable commit = () -> {
            if (!updating) {
                String text = field.getText().trim();
                try {
                    model.set(path, Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    model.set(path, text); // the validator names the field and the reason
                }
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        refreshers.add(() -> field.setText(model.get(path).asText()));
        return field;
    }

    private static void putNumber(ObjectNode layer, String field, String text) {
        try {
            layer.put(field, Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            layer.put(field, text);
        }
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save experiment config");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment config (*.json)", "*.json"));
        chooser.setInitialFileName(model.lastValidProperty().get().name() + ".json");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                ConfigCodec.write(model.lastValidProperty().get(), file.toPath());
            } catch (java.io.IOException e) {
                errorBox.getChildren().add(new Label("Could not save: " + e.getMessage()));
            }
        }
    }

    private void load() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load experiment config");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment config (*.json)", "*.json"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            loadFile(file.toPath());
        }
    }

    /** Loads a config file; its errors are listed like typing errors. */
    public void loadFile(java.nio.file.Path file) {
        try {
            apply(ConfigCodec.read(file));
        } catch (ConfigException e) {
            model.errors().setAll(e.errors());
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(200);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, controls);
        return grid;
    }

    private static void row(GridPane grid, int row, String label, Node control, String path) {
        control.setUserData(path);
        if (control instanceof HBox box) {
            box.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().stream().filter(n -> n instanceof Slider).forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        }
        grid.addRow(row, new Label(label), control);
    }

    private static double roundSignificant(double value) {
        return Double.parseDouble(String.format("%.2g", value));
    }
}
