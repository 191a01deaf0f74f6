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
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigError;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ConfigField;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ConfigSchema;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.ConfigChanges;
import org.collapselab.core.model.ConfigValidator;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.model.LayerType;
import org.collapselab.core.util.Json;
import org.collapselab.ui.help.Help;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Screen 2: the network and its hyperparameters, validated as you type. */
public final class ModelScreen {
    private static final String ERROR_TOOLTIP = "collapselab.errorTooltip";
    private static final String HELP_TOOLTIP = "collapselab.helpTooltip";
    /** The dropout slider's path while the last layer is no dropout: matches no error. */
    private static final String DROPOUT_BEFORE_OUTPUT = "model.dropoutBeforeOutput";
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
    /** Arrow keys move the learning rate by a factor of 10^(1/3) ≈ 2.15: three steps per decade. */
    static final double LEARNING_RATE_STEP_DECADES = 1.0 / 3;
    private final ModelViewModel model;
    private final VBox root = new VBox();
    private final ListView<String> layers = new ListView<>();
    private final VBox layerEditor = new VBox(6);
    private final Label outputNote = new Label();
    /** Says where an added layer went when that was not right after the selection. */
    private final Label layerNote = new Label();
    private final Label layerKindNote = new Label();
    private final VBox errorBox = new VBox(2);
    private final VBox lintBox = new VBox(2);
    /** Set when Train was refused; the banner stays until the config is valid again. */
    private boolean trainingRefused;
    private boolean keepLayerEditor;
    private boolean updating;
    private final Runnable refreshControls;

    public ModelScreen(ModelViewModel model) {
        this.model = model;
        GridPane data = grid();
        GridPane training = grid();
        GridPane output = grid();
        List<Runnable> refreshers = new java.util.ArrayList<>();

        // Training
        ConfigField rateField = ConfigSchema.field(ConfigPaths.LEARNING_RATE);
        Slider learningRate = new Slider(Math.log10(rateField.min()), Math.log10(rateField.max()),
                Math.log10(((Number) rateField.defaultValue()).doubleValue()));
        learningRate.setId("learningRate");
        learningRate.setMajorTickUnit(1);
        learningRate.setMinorTickCount(2); // minor ticks at the arrow keys' thirds of a decade
        learningRate.setShowTickMarks(true);
        // The arrow keys step by the block increment (JavaFX's default, 10, jumps from any rate to an end).
        learningRate.setBlockIncrement(LEARNING_RATE_STEP_DECADES);
        TextField lrValue = new TextField();
        lrValue.setId("learningRateValue");
        lrValue.setPrefColumnCount(6); // in characters, so "0.001" stays whole at any text size
        lrValue.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        learningRate.valueProperty().addListener((obs, old, v) -> {
            if (!updating) {
                double lr = roundSignificant(Math.pow(10, v.doubleValue()));
                lrValue.setText(String.valueOf(lr));
                model.set(ConfigPaths.LEARNING_RATE, lr);
            }
        });
        // An exact rate is typed here; the slider follows when the value is a usable rate.
        commitOnEnterOrFocusLoss(lrValue, () -> {
            model.setTyped(ConfigPaths.LEARNING_RATE, lrValue.getText());
            JsonNode typed = model.get(ConfigPaths.LEARNING_RATE);
            if (typed.isNumber() && typed.asDouble() > 0) {
                withoutEcho(() -> learningRate.setValue(Math.log10(typed.asDouble())));
            }
        });
        refreshers.add(() -> {
            double lr = model.get(ConfigPaths.LEARNING_RATE).asDouble();
            learningRate.setValue(Math.log10(lr));
            lrValue.setText(String.valueOf(lr));
        });
        row(training, 0, "Learning rate (log scale)", new HBox(8, learningRate, lrValue), ConfigPaths.LEARNING_RATE);
        row(training, 1, "Optimizer", choice(ConfigPaths.OPTIMIZER, refreshers), ConfigPaths.OPTIMIZER);
        row(training, 2, "Batch size", intSpinner(ConfigPaths.BATCH_SIZE, refreshers), ConfigPaths.BATCH_SIZE);
        row(training, 3, "Epochs", intSpinner(ConfigPaths.EPOCHS, refreshers), ConfigPaths.EPOCHS);
        TextField l2 = numberField(ConfigPaths.L2, refreshers);
        l2.setId("l2");
        row(training, 4, "L2 weight decay", l2, ConfigPaths.L2);
        ConfigField rateOfDropout = ConfigSchema.layerField(LayerType.DROPOUT, "rate");
        Slider dropout = new Slider(rateOfDropout.min(), rateOfDropout.max(), 0);
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
        HBox dropoutBox = new HBox(8, dropout, dropoutValue);
        row(training, 5, "Dropout before output", dropoutBox, DROPOUT_BEFORE_OUTPUT, rateOfDropout);
        // Only an error in that dropout layer's rate belongs here; other layer errors are shown at their row.
        refreshers.add(() -> dropoutBox.setUserData(dropoutBeforeOutput() > 0
                ? ConfigPaths.layer(((ArrayNode) model.get(ConfigPaths.LAYERS)).size() - 1, "rate") : DROPOUT_BEFORE_OUTPUT));
        row(training, 6, "Early stopping patience (0 = off)", intSpinner(ConfigPaths.EARLY_STOPPING_PATIENCE, refreshers),
                ConfigPaths.EARLY_STOPPING_PATIENCE);
        row(training, 7, "Device", choice(ConfigPaths.DEVICE, refreshers), ConfigPaths.DEVICE);

        // Output
        row(output, 0, "Output activation", choice(ConfigPaths.OUTPUT_ACTIVATION, refreshers), ConfigPaths.OUTPUT_ACTIVATION);
        row(output, 1, "Loss", choice(ConfigPaths.LOSS, refreshers), ConfigPaths.LOSS);
        row(output, 2, "Weight initialisation", choice(ConfigPaths.WEIGHT_INIT, refreshers), ConfigPaths.WEIGHT_INIT);

        // Data
        row(data, 0, "Image size (pixels)", intSpinner(ConfigPaths.IMAGE_SIZE, refreshers), ConfigPaths.IMAGE_SIZE);
        row(data, 1, "Channels (1 gray, 3 RGB)", intChoice(ConfigPaths.CHANNELS, refreshers), ConfigPaths.CHANNELS);
        row(data, 2, "Normalization", choice(ConfigPaths.NORMALIZATION, refreshers), ConfigPaths.NORMALIZATION);
        row(data, 3, "Class balance", choice(ConfigPaths.BALANCE, refreshers), ConfigPaths.BALANCE);
        row(data, 4, "Validation fraction", slider(ConfigPaths.VALIDATION_FRACTION, refreshers), ConfigPaths.VALIDATION_FRACTION);
        row(data, 5, "Seed", intSpinner(ConfigPaths.SEED, refreshers), ConfigPaths.SEED);
        CheckBox flip = new CheckBox("horizontal flip");
        flip.setId("flip");
        flip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        flip.selectedProperty().addListener((o, a, v) -> {
            if (!updating) {
                model.set(ConfigPaths.FLIP, v);
            }
        });
        refreshers.add(() -> flip.setSelected(model.get(ConfigPaths.FLIP).asBoolean()));
        row(data, 6, "Augmentation", flip, ConfigPaths.FLIP);
        row(data, 7, "  rotation (degrees)", slider(ConfigPaths.ROTATION_DEGREES, refreshers), ConfigPaths.ROTATION_DEGREES);
        row(data, 8, "  shift (fraction)", slider(ConfigPaths.SHIFT, refreshers), ConfigPaths.SHIFT);
        row(data, 9, "  zoom (fraction)", slider(ConfigPaths.ZOOM, refreshers), ConfigPaths.ZOOM);
        // k-fold runs split image folders only; greyed out for CSV rows with the image fields below.
        row(data, 10, "Cross-validation folds (1 = off)", intSpinner(ConfigPaths.FOLDS, refreshers), ConfigPaths.FOLDS);
        // Image size, channels and augmentation mean nothing for CSV rows: greyed out while data.kind is a CSV kind.
        refreshers.add(() -> data.getChildren().forEach(node -> {
            Integer at = GridPane.getRowIndex(node);
            if (at != null && (at <= 1 || at >= 6)) {
                node.setDisable(dataKind().isTable());
            }
        }));

        // Layers
        layers.setId("layerList");
        layers.setPrefHeight(220);
        layers.setUserData(ConfigPaths.LAYERS);
        layers.setCellFactory(list -> new LayerCell());
        layers.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!keepLayerEditor) {
                showLayerEditor(i.intValue());
            }
        });
        MenuButton add = new MenuButton("Add _layer", new FontIcon(Feather.PLUS));
        add.setId("addLayer");
        // Only the layer types that fit the data kind; the list follows the kind when a config is loaded.
        refreshers.add(() -> {
            add.getItems().clear();
            for (LayerType type : LayerType.forKind(dataKind())) {
                MenuItem item = new MenuItem(layerMenuText(type));
                item.setId("addLayer-" + type.json());
                item.setOnAction(e -> addLayer(type));
                add.getItems().add(item);
            }
            layerKindNote.setText("Layer types for " + switch (dataKind()) {
                case IMAGES -> "images";
                case SEQUENCE -> "sequence data (a CSV of series): pool a series to a vector (globalpool) before dense layers";
                case TABULAR -> "tabular data (CSV rows)";
            } + ".");
        });
        Button remove = new Button("", new FontIcon(Feather.TRASH_2));
        remove.setId("removeLayer");
        remove.setOnAction(e -> editLayers(list -> list.remove(selected()), null));
        Button up = new Button("", new FontIcon(Feather.ARROW_UP));
        up.setOnAction(e -> move(-1));
        Button down = new Button("", new FontIcon(Feather.ARROW_DOWN));
        down.setOnAction(e -> move(1));
        remove.disableProperty().bind(layers.getSelectionModel().selectedIndexProperty().lessThan(0));
        up.disableProperty().bind(remove.disableProperty());
        down.disableProperty().bind(remove.disableProperty());
        HBox layerButtons = new HBox(6, add, remove, up, down);
        // The layer list by keys alone: Delete removes, Alt+Up/Alt+Down move, Insert opens "Add layer".
        // A filter: the list's own Up/Down would move the selection before the layer moves.
        layers.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean chosen = layers.getSelectionModel().getSelectedIndex() >= 0;
            if ((e.getCode() == javafx.scene.input.KeyCode.DELETE || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE)
                    && chosen) {
                remove.fire();
            } else if (e.isAltDown() && chosen && (e.getCode() == javafx.scene.input.KeyCode.UP
                    || e.getCode() == javafx.scene.input.KeyCode.DOWN)) {
                move(e.getCode() == javafx.scene.input.KeyCode.UP ? -1 : 1);
            } else if (e.getCode() == javafx.scene.input.KeyCode.INSERT) {
                add.show();
            } else {
                return;
            }
            e.consume();
        });
        outputNote.setId("outputLayerNote");
        outputNote.getStyleClass().add("caption");
        outputNote.setWrapText(true);
        layerNote.setId("layerNote");
        layerNote.getStyleClass().add("caption");
        layerNote.setWrapText(true);
        layerKindNote.getStyleClass().add("caption");
        layerKindNote.setWrapText(true);
        VBox layerBox = new VBox(8, layerButtons, layerKindNote, layers, outputNote, layerNote, layerEditor);
        refreshers.add(this::refreshLayers);

        // Save / load / summary / errors
        Button save = new Button("Save config…", new FontIcon(Feather.SAVE));
        save.setOnAction(e -> save());
        Button load = new Button("Load config…", new FontIcon(Feather.UPLOAD));
        load.setOnAction(e -> load());
        Button reset = new Button("Reset to defaults", new FontIcon(Feather.ROTATE_CCW));
        reset.setOnAction(e -> apply(ConfigCodec.defaults(dataKind()), "Reset to defaults"));
        Label summary = new Label();
        summary.setId("modelSummary");
        summary.textProperty().bind(model.summaryProperty());
        Button sweep = new Button("Sweep…", new FontIcon(Feather.GRID));
        sweep.setId("openSweep");
        sweep.setOnAction(e -> new org.collapselab.ui.sweep.SweepDialog(model.context(), this::apply)
                .show(root.getScene() == null ? null : root.getScene().getWindow()));
        Button undo = new Button("", new FontIcon(Feather.CORNER_UP_LEFT));
        undo.setId("undoConfig");
        undo.setOnAction(e -> undo());
        bindUndoButton(undo, "Undo", model.undoNameProperty());
        Button redo = new Button("", new FontIcon(Feather.CORNER_UP_RIGHT));
        redo.setId("redoConfig");
        redo.setOnAction(e -> redo());
        bindUndoButton(redo, "Redo", model.redoNameProperty());
        Help.tip(save, "Save the config as a JSON file, to reuse it or to run it with the command line");
        Help.tip(load, "Load a config from a JSON file (Ctrl+Z undoes it)");
        Help.tip(reset, "Go back to the default config for this kind of data (Ctrl+Z undoes it)");
        Help.tip(sweep, "Try several values of chosen settings in short runs and compare them");
        Help.tip(add, "Add a hidden layer where the network stays valid");
        Help.tip(remove, "Remove the selected layer");
        Help.tip(up, "Move the selected layer up, nearer the input");
        Help.tip(down, "Move the selected layer down, nearer the output");
        remove.setAccessibleText("Remove layer");
        up.setAccessibleText("Move layer up");
        down.setAccessibleText("Move layer down");
        HBox top = new HBox(10, undo, redo, save, load, reset, sweep, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        // Large text: the buttons keep their words, the size summary wraps (it was the buttons that became "…").
        for (Button b : List.of(undo, redo, save, load, reset, sweep)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        summary.setWrapText(true);
        summary.setMinWidth(0);
        HBox.setHgrow(summary, Priority.ALWAYS);
        errorBox.setId("configErrors");
        model.errors().addListener((ListChangeListener<ConfigError>) c -> showErrors());
        lintBox.setId("configLint");
        model.lint().addListener((ListChangeListener<Finding>) c -> showLint());

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
        VBox content = new VBox(10, top, errorBox, lintBox, columns);
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
        showLint();
        // Keystrokes in one field are one undo step until the focus moves on.
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, was, now) -> model.endEdit());
            }
        });
    }

    public Node node() {
        return root;
    }

    /** Replaces the edited config (load, examples, apply fix) and refreshes every control; Undo restores it. */
    public void apply(ExperimentConfig config) {
        apply(config, null);
    }

    /** {@link #apply(ExperimentConfig)}, the undo step named after {@code source} ("Back to the config of run …"). */
    public void apply(ExperimentConfig config, String source) {
        model.replace(config, source);
        afterWholeChange();
    }

    /** Undoes the last config change; false when there was none. */
    public boolean undo() {
        boolean done = model.undo();
        afterWholeChange();
        return done;
    }

    /** Redoes the last undone config change; false when there was none. */
    public boolean redo() {
        boolean done = model.redo();
        afterWholeChange();
        return done;
    }

    /** Time steps per series of a loaded sequence CSV (0: none), for live shape checks; see {@link ModelViewModel}. */
    public javafx.beans.property.IntegerProperty sequenceLengthProperty() {
        return model.sequenceLengthProperty();
    }

    /** "data.balance none → class-weights", or null when there is nothing to undo. */
    public javafx.beans.property.ReadOnlyStringProperty undoNameProperty() {
        return model.undoNameProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty redoNameProperty() {
        return model.redoNameProperty();
    }

    private static void bindUndoButton(Button button, String verb, javafx.beans.value.ObservableStringValue name) {
        button.disableProperty().bind(javafx.beans.binding.Bindings.isNull(name));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> menuText(verb, name.get()), name));
        button.setTooltip(tip);
        button.accessibleTextProperty().bind(tip.textProperty());
    }

    /** "Undo: data.balance none → class-weights" (Ctrl+Z), or "Nothing to undo". */
    public static String menuText(String verb, String change) {
        return change == null ? "Nothing to " + verb.toLowerCase(java.util.Locale.ROOT) : verb + ": " + change;
    }

    /** The Add layer menu's words for a layer type, with the name the layer list and config files use. */
    public static String layerMenuText(LayerType type) {
        return switch (type) {
            case CONV -> "Convolution layer (conv)";
            case POOL -> "Max pooling layer (pool)";
            case DENSE -> "Dense layer, fully connected (dense)";
            case DROPOUT -> "Dropout layer (dropout)";
            case BATCHNORM -> "Batch normalization layer (batchnorm)";
            case CONV1D -> "Convolution along time (conv1d)";
            case POOL1D -> "Max pooling along time (pool1d)";
            case GLOBALPOOL -> "Max pooling of the whole series to one vector (globalpool)";
        };
    }

    private void afterWholeChange() {
        refreshControls.run();
        layerNote.setText("");
        showLayerEditor(selected());
    }

    private void showErrors() {
        errorBox.getChildren().clear();
        if (model.errors().isEmpty()) {
            trainingRefused = false;
        } else {
            Label heading = new Label(trainingRefused
                    ? "Training not started: the config on this screen has " + count(model.errors().size())
                    + ". Fix " + (model.errors().size() == 1 ? "it" : "them")
                    + ", then press Train again. Click an error to go to its field."
                    : "The config has " + count(model.errors().size()) + "; Train is refused until they are fixed."
                    + " Click an error to go to its field.");
            heading.setId(trainingRefused ? "trainRefused" : "configErrorsHeading");
            heading.getStyleClass().add(trainingRefused ? "warning-text" : "caption");
            heading.setWrapText(true);
            errorBox.getChildren().add(heading);
        }
        for (ConfigError error : model.errors()) {
            Hyperlink link = new Hyperlink("⚠ " + error);
            link.getStyleClass().add("error-text");
            link.setWrapText(true);
            link.setOnAction(e -> focusField(error.path()));
            errorBox.getChildren().add(link);
        }
        markInvalid(root);
        layers.refresh(); // the rows mark their own errors
    }

    private static String count(int errors) {
        return errors == 1 ? "1 error" : errors + " errors";
    }

    /**
     * Called by the Train action: when the config on screen has errors, shows all of them with a
     * banner, moves the focus to the first, and returns true so that nothing is trained.
     */
    public boolean refuseTrainingIfInvalid() {
        if (model.isValid()) {
            return false;
        }
        trainingRefused = true;
        showErrors();
        focusField(model.errors().get(0).path());
        return true;
    }

    /** The errors on screen, for the Train action's message. */
    public List<ConfigError> errors() {
        return List.copyOf(model.errors());
    }

    /** Runs {@code listener} whenever the config on screen turns valid or invalid. */
    public void onValidityChange(Consumer<Boolean> listener) {
        model.errors().addListener((ListChangeListener<ConfigError>) c -> listener.accept(model.errors().isEmpty()));
    }

    /** Focuses the control that edits {@code errorPath}; a layer's error first selects that layer. */
    private void focusField(String errorPath) {
        java.util.regex.Matcher layer = java.util.regex.Pattern.compile("model\\.layers\\[(\\d+)]").matcher(errorPath);
        if (layer.lookingAt()) {
            int index = Integer.parseInt(layer.group(1));
            if (index < layers.getItems().size()) {
                layers.getSelectionModel().select(index);
                layers.scrollTo(index);
            }
        }
        Node best = null;
        int bestLength = -1;
        for (Node node : pathNodes(root, new java.util.ArrayList<>())) {
            String path = (String) node.getUserData();
            boolean covers = errorPath.equals(path) || errorPath.startsWith(path + ".") || errorPath.startsWith(path + "[");
            if (covers && path.length() > bestLength) {
                best = node;
                bestLength = path.length();
            }
        }
        if (best == null && layer.lookingAt()) {
            best = layers;
        }
        if (best != null) {
            Node target = best instanceof HBox box ? box.getChildren().get(box.getChildren().size() - 1) : best;
            target.requestFocus();
        }
    }

    private static List<Node> pathNodes(Node node, List<Node> found) {
        if (node.getUserData() instanceof String) {
            found.add(node);
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> pathNodes(child, found));
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            pathNodes(scroll.getContent(), found);
        }
        if (node instanceof TitledPane pane && pane.getContent() != null) {
            pathNodes(pane.getContent(), found);
        }
        return found;
    }

    /** The diagnosis's config checks on the valid config: a warning here is the same finding a diagnosis would give. */
    private void showLint() {
        lintBox.getChildren().clear();
        for (Finding finding : model.lint()) {
            String fix = finding.fix() == null ? "" : " — " + finding.fix().description();
            Label label = new Label("⚠ " + finding.title() + fix);
            label.setId("lint-" + finding.id());
            label.getStyleClass().add(finding.severity() == Severity.INFO ? "caption" : "warning-text");
            label.setWrapText(true);
            label.setTooltip(new Tooltip(finding.explanation()));
            lintBox.getChildren().add(label);
        }
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
                            .map(ConfigError::toString).collect(java.util.stream.Collectors.joining("\n")));
                    tip.getStyleClass().add("error-tooltip");
                    tip.setShowDelay(javafx.util.Duration.millis(100));
                    control.getProperties().put(ERROR_TOOLTIP, tip);
                    control.setTooltip(tip);
                } else if (ours != null && control.getTooltip() == ours) {
                    control.setTooltip((javafx.scene.control.Tooltip) control.getProperties().get(HELP_TOOLTIP));
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
        ArrayNode array = (ArrayNode) model.get(ConfigPaths.LAYERS);
        List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add((i + 1) + ". " + ConfigChanges.describeLayer(array.get(i)));
        }
        layers.getItems().setAll(items);
        outputNote.setText((array.size() + 1) + ". output layer: one unit per class, "
                + model.get(ConfigPaths.OUTPUT_ACTIVATION).asText() + " (set below)");
        if (keep >= 0 && keep < items.size()) {
            layers.getSelectionModel().select(keep);
        }
    }

    private void showLayerEditor(int index) {
        layerEditor.getChildren().clear();
        ArrayNode array = (ArrayNode) model.get(ConfigPaths.LAYERS);
        if (index < 0 || index >= array.size()) {
            return;
        }
        ObjectNode layer = (ObjectNode) array.get(index);
        GridPane form = grid();
        int row = 0;
        String type = layer.path("type").asText();
        if (!LayerType.names().contains(type)) {
            return;
        }
        for (ConfigField field : ConfigSchema.layerFields(LayerType.fromJson(type)).values()) {
            String key = field.key();
            JsonNode current = layer.has(key) ? layer.get(key) : Json.MAPPER.valueToTree(field.defaultValue());
            Node control;
            if (field.type() == ConfigField.Type.CHOICE) {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(field.choices());
                box.setValue(current.asText());
                box.setOnAction(e -> editLayer(index, key, l -> l.put(key, box.getValue())));
                control = box;
            } else if (field.type() == ConfigField.Type.NUMBER) {
                TextField text = new TextField(current.asText());
                commitOnEnterOrFocusLoss(text, () -> editLayer(index, key, l -> putTyped(l, field, text.getText())));
                control = text;
            } else {
                Spinner<Long> spinner = fieldSpinner(field, text -> editLayer(index, key, l -> putTyped(l, field, text)));
                showValue(spinner, current);
                control = spinner;
            }
            row(form, row++, key, control, ConfigPaths.layer(index, key), field);
        }
        Label title = new Label("Layer " + (index + 1) + ": " + type);
        title.getStyleClass().add("section-title");
        layerEditor.getChildren().addAll(title, form);
    }

    /** Edits one field of the layer whose editor is open; the editor stays, so typing is not interrupted. */
    private void editLayer(int index, String key, Consumer<ObjectNode> change) {
        keepLayerEditor = true;
        try {
            editLayers(list -> change.accept((ObjectNode) list.get(index)), ConfigPaths.layer(index, key));
        } finally {
            keepLayerEditor = false;
        }
    }

    /** Changes the layer list; {@code mergeKey} as in {@link ModelViewModel#set(String, Object, String)}. */
    private void editLayers(Consumer<ArrayNode> change, String mergeKey) {
        ArrayNode array = ((ArrayNode) model.get(ConfigPaths.LAYERS)).deepCopy();
        change.accept(array);
        model.set(ConfigPaths.LAYERS, array, mergeKey);
        withoutEcho(this::refreshLayers);
    }

    private void addLayer(LayerType type) {
        ObjectNode layer = Json.MAPPER.createObjectNode().put("type", type.json());
        for (ConfigField field : ConfigSchema.layerFields(type).values()) {
            if (!field.optional()) {
                layer.set(field.key(), Json.MAPPER.valueToTree(field.defaultValue()));
            }
        }
        int preferred = selected() >= 0 ? selected() + 1 : ((ArrayNode) model.get(ConfigPaths.LAYERS)).size();
        int at = preferred;
        String problem = null;
        if (model.isValid()) {
            ExperimentConfig config = model.lastValidProperty().get();
            LayerSpec spec = Json.MAPPER.convertValue(layer, LayerSpec.class);
            int length = model.sequenceLengthProperty().get();
            at = ConfigValidator.insertionPoint(config, spec, preferred, length);
            if (at != preferred) {
                List<LayerSpec> there = new java.util.ArrayList<>(config.model().layers());
                there.add(preferred, spec);
                problem = ConfigValidator.validateShapes(config.withModel(config.model().withLayers(there)), length)
                        .get(0).reason();
            }
        }
        int index = at;
        editLayers(list -> list.insert(index, layer), null);
        layers.getSelectionModel().select(index);
        layers.scrollTo(index);
        layerNote.setText(problem == null ? ""
                : "Added as layer " + (index + 1) + ", the nearest place where the network stays valid. As layer "
                + (preferred + 1) + " it would not be: " + problem + ".");
    }

    private void move(int delta) {
        int from = selected();
        int to = from + delta;
        ArrayNode array = (ArrayNode) model.get(ConfigPaths.LAYERS);
        if (from < 0 || to < 0 || to >= array.size()) {
            return;
        }
        editLayers(list -> {
            JsonNode item = list.remove(from);
            list.insert(to, item);
        }, null);
        layers.getSelectionModel().select(to);
    }

    /** A row of the layer list; a row whose layer has an error is outlined and says why in its tooltip. */
    private final class LayerCell extends javafx.scene.control.ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            List<ConfigError> mine = empty || item == null ? List.of() : model.errorsFor(ConfigPaths.layer(getIndex()));
            pseudoClassStateChanged(INVALID, !mine.isEmpty());
            setId(empty || item == null ? null : "layerRow-" + (getIndex() + 1));
            setText(empty || item == null ? null : mine.isEmpty() ? item : "⚠ " + item);
            setTooltip(mine.isEmpty() ? null : errorTooltip(mine));
        }
    }

    private static Tooltip errorTooltip(List<ConfigError> errors) {
        Tooltip tip = new Tooltip(errors.stream().map(ConfigError::toString)
                .collect(java.util.stream.Collectors.joining("\n")));
        tip.getStyleClass().add("error-tooltip");
        tip.setShowDelay(javafx.util.Duration.millis(100));
        return tip;
    }

    private DataKind dataKind() {
        JsonNode kind = model.get(ConfigPaths.KIND);
        return kind != null && kind.isTextual() && DataKind.names().contains(kind.asText())
                ? DataKind.fromJson(kind.asText()) : DataKind.IMAGES;
    }

    private int selected() {
        return layers.getSelectionModel().getSelectedIndex();
    }

    private double dropoutBeforeOutput() {
        ArrayNode array = (ArrayNode) model.get(ConfigPaths.LAYERS);
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
        }, DROPOUT_BEFORE_OUTPUT);
    }

    private ComboBox<String> choice(String path, List<Runnable> refreshers) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(ConfigPaths.key(path));
        box.getItems().setAll(ConfigSchema.field(path).choices());
        box.setOnAction(e -> {
            if (!updating && box.getValue() != null) {
                model.set(path, box.getValue());
            }
        });
        refreshers.add(() -> box.setValue(model.get(path).asText()));
        return box;
    }

    private ComboBox<Integer> intChoice(String path, List<Runnable> refreshers) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(ConfigPaths.key(path));
        box.getItems().setAll(ConfigSchema.field(path).intChoices());
        box.setOnAction(e -> {
            if (!updating && box.getValue() != null) {
                model.set(path, box.getValue());
            }
        });
        refreshers.add(() -> box.setValue(model.get(path).asInt()));
        return box;
    }

    private Spinner<Long> intSpinner(String path, List<Runnable> refreshers) {
        Spinner<Long> spinner = fieldSpinner(ConfigSchema.field(path), text -> model.setTyped(path, text));
        spinner.setId(ConfigPaths.key(path));
        refreshers.add(() -> showValue(spinner, model.get(path)));
        return spinner;
    }

    /** A spinner over a whole-number field whose every keystroke reaches the validator as typed. */
    private Spinner<Long> fieldSpinner(ConfigField field, Consumer<String> onEdit) {
        Spinner<Long> spinner = new Spinner<>();
        spinner.setValueFactory(new FieldSpinnerFactory(field));
        spinner.setEditable(true);
        spinner.setPrefWidth(140);
        spinner.getEditor().textProperty().addListener((o, a, text) -> {
            if (!updating) {
                onEdit.accept(text);
            }
        });
        return spinner;
    }

    private void showValue(Spinner<Long> spinner, JsonNode value) {
        withoutEcho(() -> {
            spinner.getValueFactory().setValue(value != null && value.isIntegralNumber() ? value.asLong() : null);
            spinner.getEditor().setText(value == null || value.isNull() ? "" : value.asText());
        });
    }

    private HBox slider(String path, List<Runnable> refreshers) {
        ConfigField field = ConfigSchema.field(path);
        Slider slider = new Slider(field.min(), field.max(), ((Number) field.defaultValue()).doubleValue());
        slider.setId(ConfigPaths.key(path));
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
        commitOnEnterOrFocusLoss(field, () -> model.setTyped(path, field.getText()));
        refreshers.add(() -> field.setText(model.get(path).asText()));
        return field;
    }

    /** Runs {@code commit} when Enter is pressed in {@code field} or it loses focus, except while controls are refreshed. */
    private void commitOnEnterOrFocusLoss(TextField field, Runnable commit) {
        field.setOnAction(e -> {
            if (!updating) {
                commit.run();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now && !updating) {
                commit.run();
            }
        });
    }

    /** Changes controls without their listeners writing back into the config. */
    private void withoutEcho(Runnable change) {
        boolean was = updating;
        updating = true;
        try {
            change.run();
        } finally {
            updating = was;
        }
    }

    /** Puts typed text into a layer as the validator should judge it; an optional field left blank is removed. */
    private static void putTyped(ObjectNode layer, ConfigField field, String text) {
        JsonNode value = ModelViewModel.typed(text);
        if (value.isNull() && field.optional()) {
            layer.remove(field.key());
        } else {
            layer.set(field.key(), value);
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
            apply(ConfigCodec.read(file), "Load " + file.getFileName());
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
        row(grid, row, label, control, path, ConfigSchema.find(path).orElse(null));
    }

    /** One labelled control; {@code field}'s help and range become the tooltip of the label and the control. */
    private static void row(GridPane grid, int row, String label, Node control, String path, ConfigField field) {
        control.setUserData(path);
        if (control instanceof HBox box) {
            box.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().stream().filter(n -> n instanceof Slider).forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        }
        Label name = new Label(label);
        name.setWrapText(true); // large text: a long name takes two lines instead of ending in "…"
        if (field != null) {
            Tooltip help = new Tooltip(helpText(field));
            help.setShowDelay(javafx.util.Duration.millis(300));
            name.setTooltip(help);
            if (control instanceof Control c) {
                c.setTooltip(help);
                c.getProperties().put(HELP_TOOLTIP, help);
            } else {
                Tooltip.install(control, help);
                // The slider and the value box of a row box are controls of their own: each gets the field's help.
                for (Node child : ((javafx.scene.Parent) control).getChildrenUnmodifiable()) {
                    if (child instanceof Control c) {
                        c.setTooltip(help);
                        c.getProperties().put(HELP_TOOLTIP, help);
                    }
                }
            }
        }
        // Screen readers read a config control by its label.
        if (control instanceof Control c) {
            c.setAccessibleText(label);
        } else if (control instanceof javafx.scene.Parent box) {
            box.getChildrenUnmodifiable().stream().filter(n -> n instanceof Control)
                    .forEach(n -> ((Control) n).setAccessibleText(label));
        }
        grid.addRow(row, name, control);
    }

    /** "Images per weight update.\nA whole number between 1 and 4096; default 32." */
    static String helpText(ConfigField field) {
        String expected = field.expectation();
        String text = field.help() + "\n" + Character.toUpperCase(expected.charAt(0)) + expected.substring(1);
        return field.defaultValue() == null ? text + "." : text + "; default " + field.defaultValue() + ".";
    }

    private static double roundSignificant(double value) {
        return Double.parseDouble(String.format("%.2g", value));
    }
}
