package org.collapselab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.CsvSamples;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.Backends;
import org.collapselab.core.util.NativeCache;
import org.collapselab.ui.common.TextSize;
import org.collapselab.ui.data.DataScreen;
import org.collapselab.ui.data.DataViewModel;
import org.collapselab.ui.diagnose.DiagnoseScreen;
import org.collapselab.ui.help.Help;
import org.collapselab.ui.model.ModelScreen;
import org.collapselab.ui.model.ModelViewModel;
import org.collapselab.ui.runs.RunHistory;
import org.collapselab.ui.runs.RunsScreen;
import org.collapselab.ui.train.TrainScreen;
import org.collapselab.ui.train.TrainViewModel;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window: toolbar, the five screens as tabs, and a status bar with the next step. FX thread. */
public final class MainWindow {
    private final AppContext context;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final DataViewModel dataModel;
    private final DataScreen dataScreen;
    private final ModelScreen modelScreen;
    private final TrainViewModel trainModel;
    private final TrainScreen trainScreen;
    private final RunsScreen runsScreen;
    private final DiagnoseScreen diagnoseScreen;
    private static final String TRAINING_REFUSED = "Training not started";
    private final Tab modelTab;
    private final Tab trainTab;
    private final Tab diagnoseTab;
    private final FirstRunTour tour;

    public MainWindow(AppContext context, boolean dark) {
        this.context = context;
        dataModel = new DataViewModel(context);
        dataScreen = new DataScreen(dataModel, context);
        modelScreen = new ModelScreen(new ModelViewModel(context));
        // Loading a CSV file sets data.kind, the label column and fitting layers: through the editor, so it shows them.
        dataModel.setConfigSink(modelScreen::apply);
        trainModel = new TrainViewModel(context);
        trainScreen = new TrainScreen(trainModel, this::train);
        runsScreen = new RunsScreen(context.runsDirectory(), this::openRun);
        context.runsDirectoryProperty().addListener((o, a, folder) -> runsScreen.useRunsDirectory(folder));
        runsScreen.setOnUseConfig(this::backToConfigOfRun);
        diagnoseScreen = new DiagnoseScreen(context, modelScreen::apply, this::retrainWithFixes);
        trainModel.lastOutcomeProperty().addListener((o, a, outcome) -> {
            diagnoseScreen.runFinished(outcome);
            runsScreen.refresh();
        });
        Tab data = tab("Data", Feather.IMAGE, dataScreen.node(), "dataTab");
        modelTab = tab("Model", Feather.SLIDERS, modelScreen.node(), "modelTab");
        trainTab = tab("Train", Feather.ACTIVITY, trainScreen.node(), "trainTab");
        diagnoseTab = tab("Diagnose", Feather.SEARCH, diagnoseScreen.node(), "diagnoseTab");
        Tab runs = tab("Runs", Feather.LIST, runsScreen.node(), "runsTab");
        // Run folders also come from the diagnostics (monitored run, trials' retrain) and other processes.
        runs.setOnSelectionChanged(e -> {
            if (runs.isSelected()) {
                runsScreen.refresh();
            }
        });
        tabs.getTabs().setAll(data, modelTab, trainTab, diagnoseTab, runs);
        modelScreen.onValidityChange(valid -> {
            if (valid && context.hintProperty().get().startsWith(TRAINING_REFUSED)) {
                context.hintProperty().set("The config is valid again: Train (Ctrl+Enter) runs it.");
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(toolbar(dark));
        tour = new FirstRunTour(tabs, context.preferences());
        root.setCenter(new javafx.scene.layout.StackPane(tabs, tour.node()));
        root.setBottom(statusBar());
        context.statusProperty().set(NativeCache.isFirstRun()
                ? "First start: unpacking the native maths libraries (about 450 MB) into " + NativeCache.directory() + " …"
                : "Starting the maths backend (ND4J)…");
        context.hintProperty().set("Drop an image folder (one sub-folder per class) or a .csv file anywhere on the window, or press Ctrl+O.");
        // The status bar speaks for the run or the diagnosis while one works, then goes back to the backend line.
        speakWhileBusy(trainModel.runningProperty(), trainModel.progressTextProperty(), "Training · ");
        var diagnosis = diagnoseScreen.model();
        speakWhileBusy(diagnosis.runningProperty(), diagnosis.progressTextProperty(), "Diagnosing · ");
    }

    private void speakWhileBusy(javafx.beans.value.ObservableBooleanValue running,
                                javafx.beans.value.ObservableStringValue progressText, String prefix) {
        running.addListener((o, was, busy) -> {
            if (busy) {
                if (!context.statusProperty().get().startsWith("Training · ")
                        && !context.statusProperty().get().startsWith("Diagnosing · ")) {
                    readyStatus = context.statusProperty().get();
                }
                context.statusProperty().set(prefix + progressText.get());
            } else if (readyStatus != null) {
                context.statusProperty().set(readyStatus);
            }
        });
        progressText.addListener((o, a, text) -> {
            if (running.get()) {
                context.statusProperty().set(prefix + text);
            }
        });
    }

    private String readyStatus;

    public Parent root() {
        return root;
    }

    /** Shortcuts and drag-and-drop for the whole window. */
    public void install(Scene scene) {
        org.collapselab.ui.help.Help.nameEveryWindow(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), dataScreen::chooseFolder);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), dataScreen::chooseCsv);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::train);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (tour.showingProperty().get()) {
                tour.close();
            } else {
                trainModel.stop();
            }
        });
        KeyboardNavigation.install(scene, tabs);
        TextSize.apply(scene, TextSize.initial(context.preferences()));
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                var file = e.getDragboard().getFiles().get(0);
                loadDataset(droppedData(file.toPath()));
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Loads an image folder or a {@code .csv} file and shows the Data tab. */
    public void loadDataset(Path dir) {
        tabs.getSelectionModel().select(0);
        dataModel.load(dir);
    }

    /** What a drop loads: a folder or a CSV file as it is; another file stands for the folder it is in (an image). */
    static Path droppedData(Path dropped) {
        return java.nio.file.Files.isDirectory(dropped) || org.collapselab.core.experiment.TableExperiment.isCsv(dropped)
                ? dropped : dropped.getParent();
    }

    /** Starts ND4J on a background thread and shows the backend when ready, so the window never freezes. */
    public void initialiseBackend() {
        CompletableFuture.supplyAsync(Backends::describe).whenComplete((info, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                context.statusProperty().set("Backend unavailable: " + cause.getMessage());
                trainScreen.showMessage(cause.getMessage());
            } else {
                showBackend(info);
                trainModel.warmUp();
            }
        }));
    }

    private void showBackend(BackendInfo info) {
        String ready = "Ready · training runs on " + info.summary();
        readyStatus = ready;
        if (!trainModel.runningProperty().get()) {
            context.statusProperty().set(ready);
        }
        trainModel.showBackend(info);
    }

    public void stopTraining() {
        trainModel.stop();
    }

    private void train() {
        // The run must be the config on screen: with errors there, nothing is trained (not the last valid config).
        if (!modelScreen.errors().isEmpty()) {
            tabs.getSelectionModel().select(modelTab);
            modelScreen.refuseTrainingIfInvalid();
            int errors = modelScreen.errors().size();
            context.hintProperty().set(TRAINING_REFUSED + ": the config has " + errors + (errors == 1 ? " error" : " errors")
                    + ", listed on the Model tab.");
            return;
        }
        String problem = trainModel.start();
        trainScreen.showMessage(problem);
        tabs.getSelectionModel().select(trainTab);
        if (problem == null) {
            context.hintProperty().set("Training… watch the prediction distribution: one tall bar means collapse. Esc stops.");
        }
    }

    /** Train pressed (the toolbar button, Ctrl+Enter); for {@link LatencyBenchmark}. FX thread. */
    void pressTrain() {
        train();
    }

    /** As if the user had moved the Model screen's controls to {@code config}. FX thread. */
    void applyConfig(org.collapselab.core.model.ExperimentConfig config) {
        modelScreen.apply(config);
    }

    /** "Retrain with fixes": the diagnosed run becomes the faded one on the Train tab, and the new run is compared with it. */
    private void retrainWithFixes() {
        var diagnosed = diagnoseScreen.model().diagnosedRunProperty().get();
        trainModel.compareNextRunWith(diagnosed != null ? diagnosed : trainModel.lastOutcomeProperty().get());
        train();
        trainModel.compareNextRunWith(null);
    }

    private void openRun(Path folder, RunReport report) {
        trainModel.show(RunHistory.iterations(folder), RunHistory.epochs(report),
                folder.getFileName() + " — " + report.displayStatus(folder));
        tabs.getSelectionModel().select(trainTab);
    }

    /** "Back to the config of run X" on the Runs screen: the run's config.json becomes the config, undoably. */
    private void backToConfigOfRun(Path folder) {
        Path file = folder.resolve(org.collapselab.core.report.RunRecorder.CONFIG_FILE);
        try {
            modelScreen.apply(ConfigCodec.read(file), "Back to the config of run " + folder.getFileName());
            tabs.getSelectionModel().select(modelTab);
            context.hintProperty().set("The config of run " + folder.getFileName() + " is loaded; Ctrl+Z goes back.");
        } catch (org.collapselab.core.model.ConfigException e) {
            context.hintProperty().set("Cannot use the config of run " + folder.getFileName() + ": " + e.getMessage());
        }
    }

    private HBox toolbar(boolean dark) {
        Button open = new Button("Open _folder", new FontIcon(Feather.FOLDER));
        open.setId("openFolder");
        open.setOnAction(e -> dataScreen.chooseFolder());
        Button openCsv = new Button("Open _CSV", new FontIcon(Feather.FILE_TEXT));
        openCsv.setId("openCsv");
        openCsv.setOnAction(e -> dataScreen.chooseCsv());
        MenuButton examples = new MenuButton("E_xamples", new FontIcon(Feather.BOOK_OPEN));
        examples.setId("examplesMenu");
        examples.setOnShowing(e -> fillExamples(examples));
        fillExamples(examples);
        Button train = new Button("_Train", new FontIcon(Feather.PLAY));
        train.setId("toolbarTrain");
        train.disableProperty().bind(trainModel.runningProperty());
        train.setOnAction(e -> train());
        Button stop = new Button("_Stop", new FontIcon(Feather.SQUARE));
        stop.setId("toolbarStop");
        stop.disableProperty().bind(trainModel.runningProperty().not());
        stop.setOnAction(e -> trainModel.stop());
        ToggleButton theme = new ToggleButton("", new FontIcon(dark ? Feather.SUN : Feather.MOON));
        theme.setId("themeToggle");
        theme.setSelected(dark);
        theme.setOnAction(e -> {
            boolean on = theme.isSelected();
            Application.setUserAgentStylesheet(on ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            theme.setGraphic(new FontIcon(on ? Feather.SUN : Feather.MOON));
            context.preferences().putBoolean("dark", on);
        });
        Label title = new Label("Collapse Lab");
        title.getStyleClass().add("app-title");
        MenuButton edit = editMenu();
        MenuButton device = deviceMenu();
        Help.tip(open, "Load a folder of images with one sub-folder per class (Ctrl+O)");
        Help.tip(openCsv, "Load a CSV file of rows or series with a label column (Ctrl+Shift+O)");
        Help.tip(edit, "Undo or redo changes to the config, each named (Ctrl+Z, Ctrl+Shift+Z)");
        Help.tip(examples, "Load a bundled sample: image folders, CSV files, failure scenarios, a sample sweep");
        Help.tip(train, "Train the network with the current config on the loaded data (Ctrl+Enter)");
        Help.tip(stop, "Stop the running training after the current minibatch; what was learned so far is kept (Esc)");
        Help.tip(device, "Train on the CPU or an NVIDIA GPU; switching restarts the app");
        Help.tip(theme, "Switch between the light and the dark theme");
        theme.setAccessibleText("Dark theme");
        return org.collapselab.ui.common.WrappingBar.of("mainToolbar", List.of(title, open, openCsv, edit, examples, train, stop),
                List.of(viewMenu(), helpMenu(), device, theme));
    }

    /**
     * Undo and redo of config changes (Ctrl+Z, Ctrl+Shift+Z), each item naming the change: "Undo: data.balance none →
     * class-weights". They work from every tab; the menu's accelerators are the window's.
     */
    private MenuButton editMenu() {
        MenuButton menu = new MenuButton("_Edit", new FontIcon(Feather.EDIT_3));
        menu.setId("editMenu");
        MenuItem undo = new MenuItem();
        undo.setId("undoMenuItem");
        undo.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> ModelScreen.menuText("Undo", modelScreen.undoNameProperty().get()), modelScreen.undoNameProperty()));
        undo.disableProperty().bind(modelScreen.undoNameProperty().isNull());
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.setOnAction(e -> undoOrRedo(true));
        MenuItem redo = new MenuItem();
        redo.setId("redoMenuItem");
        redo.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> ModelScreen.menuText("Redo", modelScreen.redoNameProperty().get()), modelScreen.redoNameProperty()));
        redo.disableProperty().bind(modelScreen.redoNameProperty().isNull());
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        redo.setOnAction(e -> undoOrRedo(false));
        menu.getItems().setAll(undo, redo);
        return menu;
    }

    private void undoOrRedo(boolean undo) {
        String change = undo ? modelScreen.undoNameProperty().get() : modelScreen.redoNameProperty().get();
        if (undo ? modelScreen.undo() : modelScreen.redo()) {
            context.hintProperty().set((undo ? "Undone: " : "Redone: ") + change
                    + (undo ? " (Ctrl+Shift+Z redoes it)." : "."));
        }
    }

    /** Text size 100–200 % (kept in the preferences) for reading at a distance or on a high-density screen. */
    private MenuButton viewMenu() {
        MenuButton menu = new MenuButton("_View", new FontIcon(Feather.TYPE));
        Help.tip(menu, "Text size of the whole window: 100, 125, 150 or 200 %, kept for the next start");
        menu.setId("viewMenu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        int current = TextSize.initial(context.preferences());
        for (int percent : TextSize.CHOICES) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem("Text size _" + percent + " %");
            item.setId("textSize-" + percent);
            item.setToggleGroup(group);
            item.setSelected(percent == current);
            item.setOnAction(e -> setTextSize(percent));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Sets the window's text size and remembers it. FX thread. */
    void setTextSize(int percent) {
        context.preferences().putInt(TextSize.PREFERENCE, percent);
        if (root.getScene() != null) {
            TextSize.apply(root.getScene(), percent);
        }
    }

    private MenuButton helpMenu() {
        MenuButton menu = new MenuButton("_Help", new FontIcon(Feather.HELP_CIRCLE));
        Help.tip(menu, "Keyboard shortcuts and the first-run tour");
        menu.setId("helpMenu");
        MenuItem showTour = new MenuItem("Show the _tour");
        showTour.setId("showTour");
        showTour.setOnAction(e -> tour.show());
        MenuItem keys = new MenuItem("Show the _keyboard shortcuts");
        keys.setId("keyboardShortcuts");
        keys.setOnAction(e -> {
            javafx.scene.control.Alert help = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                    KEYBOARD_HELP, javafx.scene.control.ButtonType.CLOSE);
            help.setHeaderText("Keyboard shortcuts");
            help.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
            if (root.getScene() != null) {
                help.getDialogPane().getStylesheets().addAll(root.getScene().getStylesheets());
            }
            help.show();
        });
        menu.getItems().setAll(showTour, keys);
        return menu;
    }

    static final String KEYBOARD_HELP = String.join("\n",
            "Ctrl+1 … Ctrl+5: Data, Model, Train, Diagnose, Runs; Ctrl+Tab and Ctrl+Shift+Tab: next and previous tab.",
            "Tab and Shift+Tab move between controls; Space or Enter presses the focused button.",
            "Alt and the underlined letter: a menu or a main button (Alt+T Train, Alt+S Stop, Alt+F Open folder, "
                    + "Alt+C Open CSV, Alt+E Edit, Alt+X Examples, Alt+V View, Alt+H Help).",
            "Ctrl+O open a folder, Ctrl+Shift+O open a CSV file, Ctrl+Enter train, Esc stop, Ctrl+Z undo, "
                    + "Ctrl+Shift+Z redo.",
            "Layers (Model tab): arrow keys choose a layer, Delete removes it, Alt+Up and Alt+Down move it, "
                    + "Insert adds one.",
            "Diagnose: arrow keys choose a step, Enter runs it; Alt+Y goes from one Apply fix button to the next.");

    /** The first-run tour over the tabs; Help → Show the tour opens it again. FX thread. */
    void showTour() {
        tour.show();
    }

    FirstRunTour tour() {
        return tour;
    }

    /** CPU or GPU; switching restarts the app, since ND4J picks its backend once per process. */
    private MenuButton deviceMenu() {
        MenuButton menu = new MenuButton("_Device", new FontIcon(Feather.CPU));
        menu.setId("deviceMenu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        String current = context.preferences().get("device", "auto");
        for (org.collapselab.core.model.Device device : List.of(org.collapselab.core.model.Device.CPU,
                org.collapselab.core.model.Device.GPU)) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    device == org.collapselab.core.model.Device.CPU ? "Train on the CPU" : "Train on an NVIDIA GPU (CUDA 11.6)");
            item.setId("device-" + device.json());
            item.setToggleGroup(group);
            item.setSelected(device.json().equals(current));
            if (device == org.collapselab.core.model.Device.GPU && !Backends.cudaBuild()) {
                item.setDisable(true);
                item.setText("Train on an NVIDIA GPU: not in this build (build it with mvn -Pcuda)");
            }
            item.setOnAction(e -> switchDevice(device));
            menu.getItems().add(item);
        }
        return menu;
    }

    private void switchDevice(org.collapselab.core.model.Device device) {
        context.preferences().put("device", device.json());
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The maths backend is chosen when the app starts, so switching to " + device.json().toUpperCase()
                        + " needs a restart. Any training in progress is stopped and saved. Restart now?",
                javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
        ask.setHeaderText("Restart to use the " + device.json().toUpperCase());
        ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).ifPresent(b -> {
            stopTraining();
            try {
                BackendSwitch.relaunch(device);
                Platform.exit();
            } catch (IOException ex) {
                context.statusProperty().set("Could not restart: " + ex.getMessage() + " — start the app again to switch.");
            }
        });
    }

    /** Parameters of the sample sweep (sample-data/sweeps/README.md): where the imbalanced sample collapses. */
    static final String SAMPLE_SWEEP_PARAMS = "training.learningRate=log:1e-4..1e-2:5\ndata.balance=none,class-weights";
    static final int SAMPLE_SWEEP_EPOCHS = 9;

    /** Loads the imbalanced sample and its scenario, then opens the Sweep dialog with the sample sweep filled in. */
    void openSampleSweep(Path data, Path config) {
        try {
            modelScreen.apply(ConfigCodec.withOverrides(ConfigCodec.read(config),
                    java.util.List.of("training.epochs=" + SAMPLE_SWEEP_EPOCHS)));
        } catch (org.collapselab.core.model.ConfigException e) {
            context.hintProperty().set("Cannot open the sample sweep: " + e.getMessage());
            return;
        }
        tabs.getSelectionModel().select(1);
        Runnable open = () -> {
            org.collapselab.ui.sweep.SweepDialog dialog = new org.collapselab.ui.sweep.SweepDialog(context,
                    modelScreen::apply);
            dialog.model().paramsProperty().set(SAMPLE_SWEEP_PARAMS);
            dialog.model().refreshPlan();
            dialog.show(root().getScene() == null ? null : root().getScene().getWindow());
        };
        ImageDataset current = context.datasetProperty().get();
        if (current != null && data.toAbsolutePath().normalize().equals(current.root().toAbsolutePath().normalize())) {
            open.run();
            return;
        }
        javafx.beans.value.ChangeListener<ImageDataset> whenLoaded = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ImageDataset> o, ImageDataset a,
                                ImageDataset loaded) {
                context.datasetProperty().removeListener(this);
                if (loaded != null) {
                    open.run();
                }
            }
        };
        context.datasetProperty().addListener(whenLoaded);
        loadDataset(data);
    }

    private void fillExamples(MenuButton menu) {
        menu.getItems().clear();
        Path samples = AppContext.sampleDataDirectory();
        for (String set : new String[]{"shapes", "shapes-imbalanced"}) {
            Path dir = samples.resolve(set);
            if (Files.isDirectory(dir)) {
                MenuItem item = new MenuItem(ExampleNames.sample(set));
                item.setId("example-" + set);
                item.setOnAction(e -> loadDataset(dir));
                menu.getItems().add(item);
            }
        }
        for (String csv : new String[]{CsvSamples.TABULAR, CsvSamples.SEQUENCES}) {
            Path file = samples.resolve(csv);
            if (Files.isRegularFile(file)) {
                MenuItem item = new MenuItem(ExampleNames.sample(csv));
                item.setId("example-" + csv.replace(".csv", ""));
                item.setOnAction(e -> loadDataset(file));
                menu.getItems().add(item);
            }
        }
        Path scenarios = samples.resolve("scenarios");
        if (Files.isDirectory(scenarios)) {
            // Twenty-odd configs: a sub-menu, so the samples stay in view.
            javafx.scene.control.Menu scenarioMenu = new javafx.scene.control.Menu("Load the config of a scenario");
            scenarioMenu.setId("scenarioMenu");
            try (Stream<Path> files = Files.list(scenarios)) {
                files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> {
                    String name = p.getFileName().toString().replace(".json", "");
                    MenuItem item = new MenuItem(ExampleNames.scenario(name));
                    item.setId("scenario-" + name);
                    item.setOnAction(e -> {
                        modelScreen.loadFile(p);
                        tabs.getSelectionModel().select(1);
                    });
                    scenarioMenu.getItems().add(item);
                });
            } catch (IOException ignored) {
                // no scenarios to offer
            }
            if (!scenarioMenu.getItems().isEmpty()) {
                menu.getItems().addAll(new SeparatorMenuItem(), scenarioMenu);
            }
        }
        Path sweepData = samples.resolve("shapes-imbalanced");
        Path sweepConfig = scenarios.resolve("imbalance.json");
        if (Files.isDirectory(sweepData) && Files.isRegularFile(sweepConfig)) {
            MenuItem sweep = new MenuItem("Open the sample sweep: learning rate × balance on the imbalanced shapes");
            sweep.setId("sampleSweep");
            sweep.setOnAction(e -> openSampleSweep(sweepData, sweepConfig));
            menu.getItems().add(sweep);
        }
        MenuItem defaults = new MenuItem("Reset the config to the healthy defaults");
        defaults.setId("defaultConfig");
        defaults.setOnAction(e -> modelScreen.apply(ConfigCodec.defaults()));
        menu.getItems().add(defaults);
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(context.statusProperty());
        Label hint = new Label();
        hint.setId("nextStep");
        hint.getStyleClass().add("next-step");
        hint.textProperty().bind(context.hintProperty());
        // The next step matters more than the backend line: the hint keeps its full width, the status text gives way;
        // but never more than three quarters of the bar, or a long hint at 200 % text widens the window past the screen.
        Runnable fitHint = () -> {
            javafx.scene.text.Text measure = new javafx.scene.text.Text(hint.getText());
            measure.setFont(hint.getFont());
            double full = Math.ceil(measure.getLayoutBounds().getWidth()) + 8;
            hint.setMinWidth(bar.getWidth() > 0 ? Math.min(full, 0.75 * bar.getWidth()) : full);
        };
        hint.textProperty().addListener((o, a, b) -> fitHint.run());
        hint.fontProperty().addListener((o, a, b) -> fitHint.run());
        bar.widthProperty().addListener((o, a, b) -> fitHint.run());
        javafx.scene.control.Tooltip fullHint = new javafx.scene.control.Tooltip();
        fullHint.textProperty().bind(context.hintProperty());
        hint.setTooltip(fullHint);
        javafx.scene.control.Tooltip status = new javafx.scene.control.Tooltip();
        status.textProperty().bind(context.statusProperty());
        bar.setTooltip(status);
        bar.getRightItems().add(hint);
        bar.setPadding(new Insets(2, 8, 2, 8));
        return bar;
    }

    private static Tab tab(String title, Feather icon, javafx.scene.Node content, String id) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }

    DataViewModel dataModel() {
        return dataModel;
    }

    TrainViewModel trainModel() {
        return trainModel;
    }

    AppContext context() {
        return context;
    }

    TabPane tabs() {
        return tabs;
    }

    DiagnoseScreen diagnoseScreen() {
        return diagnoseScreen;
    }

    ModelScreen modelScreen() {
        return modelScreen;
    }

    /** Starts training as the Train button does (tests, tour). */
    void trainNow() {
        train();
    }
}
