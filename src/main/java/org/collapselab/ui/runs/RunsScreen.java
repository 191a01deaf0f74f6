package org.collapselab.ui.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.collapselab.core.experiment.runs.RunComparison;
import org.collapselab.core.experiment.runs.RunSummary;
import org.collapselab.core.report.HtmlReportWriter;
import org.collapselab.core.report.RunReport;
import org.collapselab.ui.common.Formats;
import org.collapselab.ui.help.Help;
import org.collapselab.ui.help.LearnMore;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Screen 5: every run folder (GUI, CLI, sweep trial) as a sortable, filterable table with a column per
 * hyperparameter that differs among the runs; notes, delete with confirmation, reopening a run, and Compare for
 * 2 to 8 selected runs. The folder is scanned off the FX thread; the table is virtualised, so a thousand rows
 * stay responsive. FX thread.
 */
public final class RunsScreen {
    static final String STYLESHEET = RunsScreen.class.getResource("runs.css").toExternalForm();
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final RunsViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<RunSummary> table = new TableView<>();
    private final TextField note = new TextField();
    private Predicate<List<RunSummary>> confirmDelete = this::askToDelete;
    private CompareView.TargetChooser exportTarget = CompareView.TargetChooser.FILE_CHOOSER;
    private java.util.function.Consumer<Path> useConfig;

    /** @param onOpen receives the run folder and its report, to show it on the train screen */
    public RunsScreen(Path runsDirectory, BiConsumer<Path, RunReport> onOpen) {
        this(new RunsViewModel(runsDirectory), onOpen);
    }

    RunsScreen(RunsViewModel model, BiConsumer<Path, RunReport> onOpen) {
        this.model = model;
        root.getStylesheets().add(STYLESHEET);
        table.setId("runsTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(placeholderText(model.runsDirectory())));
        SortedList<RunSummary> sorted = new SortedList<>(model.visibleRuns());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunSummary run, boolean empty) {
                super.updateItem(run, empty);
                setTooltip(empty || run == null || run.problem() == null ? null : new Tooltip(run.problem()));
            }
        });
        rebuildColumns(model.differingParametersProperty().get());
        model.differingParametersProperty().addListener((o, a, columns) -> {
            if (!columns.equals(a)) {
                rebuildColumns(columns);
            }
        });

        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshRuns");
        refresh.setOnAction(e -> refresh());
        TextField filter = new TextField();
        filter.setId("runsFilter");
        filter.setPromptText("Filter: name, setting, finding, note…");
        filter.setPrefColumnCount(22);
        model.filterProperty().bind(filter.textProperty());

        var selected = table.getSelectionModel().getSelectedItems();
        BooleanBinding oneSelected = Bindings.size(selected).isEqualTo(1);
        Button compare = new Button("Compare", new FontIcon(Feather.COLUMNS));
        compare.setId("compareRuns");
        compare.setTooltip(new Tooltip("Overlay the curves, diff the configs and confusion matrices of 2 to 8 selected runs"));
        compare.disableProperty().bind(Bindings.size(selected).lessThan(RunComparison.MIN_RUNS)
                .or(Bindings.size(selected).greaterThan(RunComparison.MAX_RUNS)));
        compare.setOnAction(e -> compare(List.copyOf(selected)));
        Button open = new Button("Show charts", new FontIcon(Feather.BAR_CHART_2));
        open.setId("openRun");
        open.disableProperty().bind(oneSelected.not().or(Bindings.createBooleanBinding(
                () -> selected.size() == 1 && !selected.get(0).hasReport(), selected)));
        open.setOnAction(e -> openSelected(onOpen));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !open.isDisabled()) {
                openSelected(onOpen);
            }
        });
        Button useConfigButton = new Button("Back to its config", new FontIcon(Feather.CORNER_UP_LEFT));
        useConfigButton.setId("useRunConfig");
        BooleanBinding hasConfig = Bindings.createBooleanBinding(() -> selected.size() == 1 && useConfig != null
                && java.nio.file.Files.isRegularFile(selected.get(0).folder().resolve(
                org.collapselab.core.report.RunRecorder.CONFIG_FILE)), selected);
        useConfigButton.disableProperty().bind(hasConfig.not());
        useConfigButton.setOnAction(e -> useConfig.accept(selected.get(0).folder()));
        Tooltip useConfigTip = new Tooltip();
        useConfigTip.textProperty().bind(Bindings.createStringBinding(() -> selected.size() == 1
                ? backToConfigText(selected.get(0)) + " (its config.json; Ctrl+Z undoes it)"
                : "Select one run to go back to its config", selected));
        useConfigButton.setTooltip(useConfigTip);
        javafx.scene.control.MenuItem useConfigItem = new javafx.scene.control.MenuItem();
        useConfigItem.setId("useRunConfigItem");
        useConfigItem.disableProperty().bind(useConfigButton.disableProperty());
        useConfigItem.setOnAction(e -> useConfig.accept(selected.get(0).folder()));
        javafx.scene.control.ContextMenu rowMenu = new javafx.scene.control.ContextMenu(useConfigItem);
        rowMenu.setOnShowing(e -> useConfigItem.setText(selected.size() == 1 ? backToConfigText(selected.get(0))
                : "Back to the config of one selected run"));
        table.setContextMenu(rowMenu);
        Button export = new Button("Export HTML report", new FontIcon(Feather.FILE_TEXT));
        export.setId("exportRun");
        export.disableProperty().bind(open.disableProperty());
        export.setOnAction(e -> export(selected.get(0)));
        Button tryModel = new Button("Try the model", new FontIcon(Feather.IMAGE));
        tryModel.setId("tryRunModel");
        tryModel.setTooltip(new Tooltip("Classify images you drop or choose with the selected run's model, and see "
                + "where it looks"));
        tryModel.disableProperty().bind(oneSelected.not().or(Bindings.createBooleanBinding(() -> selected.size() == 1
                && !java.nio.file.Files.isRegularFile(selected.get(0).folder()
                .resolve(org.collapselab.core.report.RunRecorder.MODEL_FILE)), selected)));
        tryModel.setOnAction(e -> org.collapselab.ui.tryit.TryModelView.open(root.getScene().getWindow(),
                selected.get(0).folder()));
        Button learnMore = new Button("Learn more about its top finding", new FontIcon(Feather.BOOK_OPEN));
        learnMore.setId("learnMoreRun");
        Help.tip(learnMore, "What the selected run's top finding means and what to try (the diagnostics guide)");
        learnMore.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.size() != 1 || topFindingId(selected.get(0)) == null, selected));
        learnMore.setOnAction(e -> LearnMore.show(root.getScene().getWindow(),
                topFindingId(selected.get(0))));
        Button delete = new Button("Delete…", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteRuns");
        delete.disableProperty().bind(Bindings.isEmpty(selected));
        delete.setOnAction(e -> delete(List.copyOf(selected)));
        Label message = new Label();
        message.setId("runsMessage");
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("caption");
        // Wraps onto a second line when the text is large, instead of cutting every button to "…".
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, refresh, filter, compare, open,
                useConfigButton, export, tryModel, delete, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Select several runs (Ctrl/Shift+click) to compare them. Columns after Engine are the "
                + "settings that differ among the listed runs.");
        hint.getStyleClass().add("caption");
        hint.setWrapText(true);
        VBox top = new VBox(6, buttons, hint);
        top.setPadding(new Insets(10));
        buttons.prefWrapLengthProperty().bind(top.widthProperty().subtract(20));
        org.collapselab.ui.common.TableHeaders.keepWhole(table);

        note.setId("runNote");
        note.setPromptText("A note for the selected run, kept in its folder as note.txt");
        note.disableProperty().bind(oneSelected.not());
        Button saveNote = new Button("Save note", new FontIcon(Feather.SAVE));
        saveNote.setId("saveNote");
        saveNote.disableProperty().bind(oneSelected.not());
        saveNote.setOnAction(e -> saveNote());
        note.setOnAction(e -> saveNote());
        selected.addListener((ListChangeListener<RunSummary>) c ->
                note.setText(selected.size() == 1 ? selected.get(0).note() : ""));
        Help.tip(refresh, "Read the runs folder again, for runs made elsewhere (the command line, a sweep)");
        Help.tip(filter, "Show only the runs whose name, settings, findings or note contain these words");
        Help.tip(open, "Show the selected run's curves and confusion matrix on the Train screen (or double-click it)");
        Help.tip(export, "Save the selected run as an HTML report you can share or open in a browser");
        Help.tip(delete, "Delete the selected runs' folders, after asking");
        Help.tip(note, "A note for the selected run, kept in its folder as note.txt; Enter saves it");
        Help.tip(saveNote, "Save the note in the selected run's folder");
        // Beside the note, not in the crowded toolbar: the top finding is read from the selected row.
        HBox noteBar = new HBox(8, new Label("Note"), note, saveNote, learnMore);
        HBox.setHgrow(note, Priority.ALWAYS);
        noteBar.setAlignment(Pos.CENTER_LEFT);
        noteBar.setPadding(new Insets(0, 10, 10, 10));

        root.setTop(top);
        root.setCenter(table);
        root.setBottom(noteBar);
        BorderPane.setMargin(table, new Insets(0, 10, 8, 10));
        refresh();
    }

    public Node node() {
        return root;
    }

    public RunsViewModel model() {
        return model;
    }

    /** Re-reads the runs folder in the background, keeping the selection by folder. */
    /** Lists another runs folder (chosen for this session) and refreshes. */
    public void useRunsDirectory(Path directory) {
        model.useRunsDirectory(directory);
        table.setPlaceholder(new Label(placeholderText(directory)));
        refresh();
    }

    private static String placeholderText(Path runsDirectory) {
        return "No runs yet under " + runsDirectory.toAbsolutePath()
                + ". Train one, or run `collapse-lab train` in this folder.";
    }

    public void refresh() {
        Set<Path> selected = table.getSelectionModel().getSelectedItems().stream().map(RunSummary::folder)
                .collect(Collectors.toSet());
        model.refresh(() -> select(selected));
    }

    private void select(Set<Path> folders) {
        if (folders.isEmpty()) {
            return;
        }
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (folders.contains(table.getItems().get(i).folder())) {
                table.getSelectionModel().select(i);
            }
        }
    }

    /** Replaces the confirmation dialog (tests); it receives the runs to delete and answers whether to delete them. */
    /** Where "Back to the config of run X" sends the chosen run folder (the Model screen loads its config.json). */
    public void setOnUseConfig(java.util.function.Consumer<Path> action) {
        this.useConfig = action;
        table.getSelectionModel().clearSelection(); // re-evaluates the button for the next selection
    }

    static String backToConfigText(RunSummary run) {
        return "Back to the config of run " + run.folder().getFileName();
    }

    void setConfirmDelete(Predicate<List<RunSummary>> confirm) {
        this.confirmDelete = confirm;
    }

    /** Replaces the file chooser of the comparison's exports (tests). */
    void setExportTarget(CompareView.TargetChooser chooser) {
        this.exportTarget = chooser;
    }

    private void rebuildColumns(List<String> parameters) {
        Set<Path> selectedFolders = table.getSelectionModel().getSelectedItems().stream()
                .map(RunSummary::folder).collect(Collectors.toSet());
        List<TableColumn<RunSummary, ?>> columns = new ArrayList<>();
        columns.add(column("Run", "colName", RunSummary::name, s -> s, Comparator.naturalOrder(), 215));
        columns.add(column("Status", "colStatus", RunSummary::status, s -> s, Comparator.naturalOrder(), 95));
        columns.add(column("Start", "colStart", RunSummary::start, START::format,
                Comparator.nullsFirst(Comparator.<Instant>naturalOrder()), 110));
        columns.add(number("Duration", "colDuration", RunSummary::durationSeconds, Formats::duration, 85));
        columns.add(column("Engine", "colEngine", RunSummary::engine, s -> s, Comparator.naturalOrder(), 120));
        for (String path : parameters) {
            String title = shortName(path, parameters);
            int longestValue = model.allRuns().stream().mapToInt(r -> r.parameter(path).length()).max().orElse(0);
            double width = Math.min(240, Math.max(30 + 9 * title.length(), 24 + 8 * longestValue));
            TableColumn<RunSummary, String> column = column(title, null, r -> r.parameter(path), s -> s,
                    RunsScreen::compareValues, Math.max(80, width));
            column.setUserData(path);
            column.getStyleClass().add("parameter-column");
            Label header = new Label(title);
            header.setTooltip(new Tooltip(path));
            column.setGraphic(header);
            column.setText("");
            columns.add(column);
        }
        columns.add(number("Val. accuracy", "colValAccuracy", RunSummary::validationAccuracy, Formats::percent, 125));
        columns.add(number("Balanced", "colBalanced", RunSummary::balancedAccuracy, Formats::percent, 100));
        TableColumn<RunSummary, String> interval = column("Balanced 95%", "colBalancedInterval",
                r -> r.balancedAccuracyInterval() == null ? "–" : r.balancedAccuracyInterval().percent(), s -> s,
                Comparator.<String>naturalOrder(), 115);
        Label intervalHeader = new Label("Balanced 95%");
        intervalHeader.setTooltip(new Tooltip(org.collapselab.ui.common.IntervalTexts.EXPLAINED));
        interval.setGraphic(intervalHeader);
        interval.setText("");
        columns.add(interval);
        columns.add(number("Macro-F1", "colMacroF1", RunSummary::macroF1, Formats::number, 95));
        columns.add(column("Collapsed", "colCollapsed", RunsScreen::collapsedText, s -> s, Comparator.<String>naturalOrder(), 125));
        columns.add(column("Top finding", "colTopFinding", RunSummary::topFinding, s -> s, Comparator.naturalOrder(), 240));
        columns.add(column("Note", "colNote", RunSummary::note, s -> s, Comparator.naturalOrder(), 200));
        List<String> sortedBy = table.getSortOrder().stream().map(RunsScreen::key).toList();
        table.getColumns().setAll(columns);
        for (String key : sortedBy) {
            columns.stream().filter(c -> key.equals(key(c))).findFirst().ifPresent(c -> table.getSortOrder().add(c));
        }
        select(selectedFolders);
    }

    /** The id of the run's top finding: the catalogue id listed just before its title; null when it has none. */
    static String topFindingId(RunSummary run) {
        if (run.topFinding().isEmpty()) {
            return null;
        }
        String listed = " " + run.findingsText() + " ";
        return org.collapselab.core.diagnostics.DiagnosticCatalog.defaultChecks().stream()
                .flatMap(check -> check.findingIds().stream())
                .filter(id -> listed.contains(" " + id + " " + run.topFinding()))
                .findFirst().orElse(null);
    }

    static String collapsedText(RunSummary run) {
        if (!run.judged()) {
            return "–"; // no epoch finished: nothing to judge
        }
        return run.collapsed() ? "yes → " + run.collapsedOnto() : "no";
    }

    private static String key(TableColumn<RunSummary, ?> column) {
        return column.getUserData() != null ? "param:" + column.getUserData() : "id:" + column.getId();
    }

    /**
     * A short header for a config path: its last segment ("learningRate"), with the list item it belongs to
     * ("layers[0].filters"); the whole path where two columns would read the same. The tooltip has the full path.
     */
    static String shortName(String path, List<String> all) {
        String name = lastSegments(path);
        long same = all.stream().filter(p -> lastSegments(p).equals(name)).count();
        return same > 1 ? path : name;
    }

    private static String lastSegments(String path) {
        String[] parts = path.split("\\.");
        int n = parts.length;
        return n >= 2 && parts[n - 2].contains("[") ? parts[n - 2] + "." + parts[n - 1] : parts[n - 1];
    }

    /**
     * Numbers in numeric order (1e-4 before 0.01), everything else alphabetically; an unset value is the smallest,
     * so a descending sort (best first) puts it last.
     */
    static int compareValues(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(b.isEmpty(), a.isEmpty());
        }
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** Unknown (NaN) is the smallest, so a descending sort (best first) puts runs without a result last. */
    static int compareNumbers(Double a, Double b) {
        boolean aUnknown = a == null || a.isNaN();
        boolean bUnknown = b == null || b.isNaN();
        if (aUnknown || bUnknown) {
            return Boolean.compare(bUnknown, aUnknown);
        }
        return Double.compare(a, b);
    }

    private static <T> TableColumn<RunSummary, T> column(String title, String id, Function<RunSummary, T> value,
                                                        Function<T, String> text, Comparator<T> order, double width) {
        TableColumn<RunSummary, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : text.apply(item));
            }
        });
        column.setComparator(order);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 70));
        return column;
    }

    private static TableColumn<RunSummary, Double> number(String title, String id, Function<RunSummary, Double> value,
                                                          Function<Double, String> text, double width) {
        TableColumn<RunSummary, Double> column = column(title, id, value, text, RunsScreen::compareNumbers, width);
        column.getStyleClass().add("numeric-column");
        return column;
    }

    private void openSelected(BiConsumer<Path, RunReport> onOpen) {
        RunSummary run = table.getSelectionModel().getSelectedItem();
        if (run != null && run.report() != null) {
            onOpen.accept(run.folder(), run.report());
        }
    }

    private void export(RunSummary run) {
        Path html = run.folder().resolve("report.html");
        model.inBackground("Wrote " + html.toAbsolutePath(), () -> HtmlReportWriter.write(run.report(), html));
    }

    private void saveNote() {
        RunSummary run = table.getSelectionModel().getSelectedItem();
        if (run == null) {
            return;
        }
        model.saveNote(run, note.getText(), ok -> {
        });
    }

    private void delete(List<RunSummary> runs) {
        if (runs.isEmpty() || !confirmDelete.test(runs)) {
            return;
        }
        model.delete(runs, () -> table.getSelectionModel().clearSelection());
    }

    /** The confirmation dialog; Cancel is the default button, so Enter never deletes. */
    boolean askToDelete(List<RunSummary> runs) {
        ButtonType delete = new ButtonType(runs.size() == 1 ? "Delete run" : "Delete " + runs.size() + " runs",
                ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", delete, ButtonType.CANCEL);
        alert.setTitle("Delete runs");
        alert.setHeaderText(runs.size() == 1 ? "Delete the run " + runs.get(0).name() + "?" : "Delete " + runs.size() + " runs?");
        String names = runs.stream().limit(12).map(RunSummary::name).collect(Collectors.joining("\n  ", "  ", ""));
        alert.setContentText(names + (runs.size() > 12 ? "\n  … and " + (runs.size() - 12) + " more" : "")
                + "\n\nThis removes each run folder with its model, report, metrics and note. It cannot be undone.");
        alert.getDialogPane().setId("deleteConfirmation");
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        return alert.showAndWait().filter(delete::equals).isPresent();
    }

    private void compare(List<RunSummary> runs) {
        RunComparison comparison = RunComparison.of(runs);
        Stage stage = new Stage();
        stage.setTitle("Compare " + runs.size() + " runs");
        CompareView view = new CompareView(comparison, runs, model, exportTarget);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1400, screen.getWidth()), Math.min(1000, screen.getHeight() - 40));
        if (root.getScene() != null) {
            scene.getStylesheets().setAll(root.getScene().getStylesheets());
            stage.initOwner(root.getScene().getWindow());
        }
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }
}
