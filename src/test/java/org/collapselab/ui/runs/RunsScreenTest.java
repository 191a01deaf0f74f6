package org.collapselab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.collapselab.core.experiment.runs.RunIndex;
import org.collapselab.core.experiment.runs.RunSummary;
import org.collapselab.core.report.RunReport;
import org.collapselab.testsupport.RunFolders;
import org.collapselab.ui.CollapseLabApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Runs screen headless through Monocle, over run folders written in the app's format. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RunsScreenTest {
    @TempDir
    Path runs;
    private RunsScreen screen;
    private final List<List<String>> confirmations = new ArrayList<>();
    private boolean confirm;
    private Path exportTarget;

    @Start
    void start(Stage stage) throws Exception {
        RunFolders.completed(runs.resolve("a-baseline"), RunFolders.config("training.learningRate=0.001"), 4, 8,
                "lr-too-high");
        RunFolders.completed(runs.resolve("b-weighted"), RunFolders.config("training.learningRate=0.001",
                "data.balance=class-weights"), 4, 10);
        RunFolders.completed(runs.resolve("c-fast"), RunFolders.config("training.learningRate=0.01"), 3, 0,
                "lr-too-high", "one-class");
        RunFolders.completed(runs.resolve("d-slow"), RunFolders.config("training.learningRate=0.0001"), 2, 5);
        Path broken = Files.createDirectories(runs.resolve("e-killed"));
        Files.writeString(broken.resolve(RunReport.FILE), "{\"schema\": 1, \"status\": \"runn");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        screen = new RunsScreen(runs, (folder, report) -> { });
        screen.setConfirmDelete(list -> {
            confirmations.add(list.stream().map(RunSummary::name).toList());
            return confirm;
        });
        screen.setExportTarget((owner, name, extension) -> exportTarget.resolveSibling("comparison." + extension));
        Scene scene = new Scene((javafx.scene.Parent) screen.node(), 1400, 700);
        scene.getStylesheets().add(CollapseLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private TableView<RunSummary> table(FxRobot robot) {
        TableView<RunSummary> table = robot.lookup("#runsTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 5, 20);
        return table;
    }

    private static List<String> names(TableView<RunSummary> table) {
        return table.getItems().stream().map(RunSummary::name).toList();
    }

    @Test
    void tableHasAColumnPerDifferingSettingAndSortsByAnyColumn(FxRobot robot) {
        TableView<RunSummary> table = table(robot);
        List<String> parameterColumns = table.getColumns().stream().filter(c -> c.getUserData() != null)
                .map(c -> (String) c.getUserData()).toList();
        assertEquals(List.of("data.balance", "training.learningRate"), parameterColumns);
        assertEquals(14, table.getColumns().size(), "12 fixed columns (with Balanced 95%) and 2 settings");
        RunSummary killed = table.getItems().stream().filter(r -> r.name().equals("e-killed")).findFirst().orElseThrow();
        assertEquals("unreadable", killed.status());

        TableColumn<RunSummary, ?> balanced = column(table, "colBalanced");
        robot.interact(() -> {
            balanced.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(balanced);
        });
        assertEquals(List.of("b-weighted", "a-baseline", "d-slow", "c-fast", "e-killed"), names(table),
                "best first; a run without a result last");

        TableColumn<RunSummary, ?> rate = table.getColumns().stream()
                .filter(c -> "training.learningRate".equals(c.getUserData())).findFirst().orElseThrow();
        robot.interact(() -> {
            rate.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(rate);
        });
        assertEquals("e-killed", names(table).get(0), "a run without a config is the smallest");
        assertEquals("d-slow", names(table).get(1), "1e-4 sorts before 0.001 (numeric, not text)");
        assertEquals("c-fast", names(table).get(4));

        robot.interact(() -> table.getSortOrder().setAll(column(table, "colName")));
        assertEquals(List.of("a-baseline", "b-weighted", "c-fast", "d-slow", "e-killed"), names(table));
    }

    @Test
    void filterMatchesSettingsFindingsAndNotes(FxRobot robot) {
        TableView<RunSummary> table = table(robot);
        robot.clickOn("#runsFilter").write("class-weights");
        waitUntil(() -> table.getItems().size() == 1, 5);
        assertEquals("b-weighted", table.getItems().get(0).name());
        robot.interact(() -> robot.lookup("#runsFilter").queryTextInputControl().setText("0.01"));
        assertEquals(List.of("c-fast"), names(table));
        robot.interact(() -> robot.lookup("#runsFilter").queryTextInputControl().setText("finding one-class"));
        assertEquals(List.of("c-fast"), names(table));
        robot.interact(() -> robot.lookup("#runsFilter").queryTextInputControl().setText(""));
        assertEquals(5, table.getItems().size());
    }

    @Test
    void aNoteIsSavedIntoTheRunFolderAndShownInTheTable(FxRobot robot) throws Exception {
        TableView<RunSummary> table = table(robot);
        robot.interact(() -> table.getSortOrder().setAll(column(table, "colName")));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(2));
        robot.clickOn("#runNote").write("too fast: collapses onto cat");
        robot.clickOn("#saveNote");
        Path note = runs.resolve("c-fast").resolve(RunIndex.NOTE_FILE);
        waitUntil(() -> Files.exists(note), 10);
        assertEquals("too fast: collapses onto cat", Files.readString(note));
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.note().equals("too fast: collapses onto cat")), 5);
        robot.interact(() -> robot.lookup("#runsFilter").queryTextInputControl().setText("collapses onto"));
        assertEquals(List.of("c-fast"), names(table));
    }

    @Test
    void deleteAsksFirstAndDeletesOnlyWhatWasConfirmed(FxRobot robot) {
        TableView<RunSummary> table = table(robot);
        robot.interact(() -> table.getSortOrder().setAll(column(table, "colName")));
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(0, 4);
        });
        confirm = false;
        robot.clickOn("#deleteRuns");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(List.of("a-baseline", "e-killed")), confirmations);
        assertTrue(Files.exists(runs.resolve("a-baseline")), "declined: nothing deleted");
        assertEquals(5, table.getItems().size());

        confirm = true;
        robot.clickOn("#deleteRuns");
        waitUntil(() -> table.getItems().size() == 3, 10);
        assertFalse(Files.exists(runs.resolve("a-baseline")));
        assertFalse(Files.exists(runs.resolve("e-killed")));
        assertTrue(Files.exists(runs.resolve("b-weighted")));
    }

    @Test
    void theRealConfirmationDialogCancelsByDefault(FxRobot robot) {
        TableView<RunSummary> table = table(robot);
        robot.interact(() -> screen.setConfirmDelete(screen::askToDelete));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        String name = table.getSelectionModel().getSelectedItem().name();
        robot.clickOn("#deleteRuns");
        waitUntil(() -> robot.lookup("#deleteConfirmation").tryQuery().isPresent(), 10);
        DialogPane dialog = robot.lookup("#deleteConfirmation").queryAs(DialogPane.class);
        assertTrue(dialog.getHeaderText().contains(name), dialog.getHeaderText());
        Button cancel = (Button) dialog.lookupButton(javafx.scene.control.ButtonType.CANCEL);
        assertTrue(cancel.isDefaultButton(), "Enter cancels");
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(runs.resolve(name)));
    }

    @Test
    void compareOpensOverlaidChartsDiffMetricsAndExports(FxRobot robot) throws Exception {
        TableView<RunSummary> table = table(robot);
        Button compare = robot.lookup("#compareRuns").queryButton();
        robot.interact(() -> table.getSortOrder().setAll(column(table, "colName")));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        assertTrue(compare.isDisabled(), "one run is not a comparison");
        robot.interact(() -> table.getSelectionModel().selectIndices(0, 1, 2));
        assertFalse(compare.isDisabled());
        robot.clickOn(compare);
        waitUntil(() -> robot.lookup("#compareBalancedChart").tryQuery().isPresent(), 10);

        for (String id : List.of("#compareLossChart", "#compareValidationLossChart", "#compareBalancedChart")) {
            LineChart<?, ?> chart = robot.lookup(id).queryAs(LineChart.class);
            // The balanced chart adds an error bar per run after the runs' lines.
            assertEquals(List.of("a-baseline", "b-weighted", "c-fast"), chart.getData().stream().map(s -> s.getName())
                    .limit(3).toList(), id);
            assertTrue(chart.isLegendVisible());
        }
        LineChart<?, ?> balanced = robot.lookup("#compareBalancedChart").queryAs(LineChart.class);
        assertEquals(4, balanced.getData().get(0).getData().size());
        assertEquals(3, balanced.getData().get(2).getData().size());
        // Each run's final balanced accuracy 95% interval: a vertical bar of two points at its last epoch.
        assertEquals(List.of("a-baseline 95% interval", "b-weighted 95% interval", "c-fast 95% interval"),
                balanced.getData().stream().skip(3).map(s -> s.getName()).toList());
        assertEquals(2, balanced.getData().get(3).getData().size());
        assertEquals(balanced.getData().get(3).getData().get(0).getXValue(),
                balanced.getData().get(3).getData().get(1).getXValue());
        TableView<?> diff = robot.lookup("#compareConfigDiff").queryAs(TableView.class);
        assertEquals(2, diff.getItems().size(), "balance and learning rate differ");
        TableView<?> metrics = robot.lookup("#compareMetrics").queryAs(TableView.class);
        assertEquals(1 + 3 + 2, metrics.getColumns().size(), "metric, a value per run, a Δ per later run");
        Node confusions = robot.lookup("#compareConfusions").query();
        assertEquals(3, ((javafx.scene.layout.Pane) confusions).getChildren().size());
        List<String> findings = robot.lookup("#compareFindings").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("disappeared in b-weighted: Finding lr-too-high  (lr-too-high)",
                "appeared in c-fast: Finding one-class  (one-class)"), findings);

        exportTarget = runs.getParent().resolve("exports-" + System.nanoTime()).resolve("x");
        Files.createDirectories(exportTarget.getParent());
        robot.clickOn("#exportCompareHtml");
        robot.clickOn("#exportCompareCsv");
        Path html = exportTarget.resolveSibling("comparison.html");
        Path csv = exportTarget.resolveSibling("comparison.csv");
        waitUntil(() -> Files.exists(html) && Files.exists(csv), 10);
        assertTrue(Files.readString(html).contains("<svg "));
        assertTrue(Files.readString(csv).contains("metric,c-fast,"));
    }

    @Test
    void aThousandRunsLoadAndSortWithoutBlockingTheFxThread(FxRobot robot) throws Exception {
        table(robot);
        Path many = Files.createDirectories(runs.resolve("many"));
        for (int i = 0; i < 1000; i++) {
            RunFolders.completed(many.resolve(String.format("run-%04d", i)),
                    RunFolders.config("training.learningRate=" + (i % 7 + 1) + "e-4"), 5, i % 11);
        }
        @SuppressWarnings("unchecked")
        TableView<RunSummary> table = robot.lookup("#runsTable").queryAs(TableView.class);
        long start = System.nanoTime();
        AtomicReference<Long> refreshCallNanos = new AtomicReference<>();
        robot.interact(() -> {
            long t = System.nanoTime();
            screen.refresh();
            refreshCallNanos.set(System.nanoTime() - t);
        });
        waitUntil(() -> table.getItems().size() == 1005, 60);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        TableColumn<RunSummary, ?> balanced = column(table, "colBalanced");
        AtomicReference<Long> sortNanos = new AtomicReference<>();
        robot.interact(() -> {
            long t = System.nanoTime();
            table.getSortOrder().setAll(balanced);
            table.layout();
            sortNanos.set(System.nanoTime() - t);
        });
        System.out.printf(java.util.Locale.ROOT, "runs table: 1005 runs listed in %.2f s (scan off the FX thread; "
                + "refresh() returned in %.1f ms), sorted in %.1f ms%n", loadSeconds, refreshCallNanos.get() / 1e6, sortNanos.get() / 1e6);
        assertTrue(refreshCallNanos.get() < 100_000_000L, "refresh must not scan on the FX thread");
        assertTrue(sortNanos.get() < 2_000_000_000L, "sorting 1005 rows took " + sortNanos.get() / 1e6 + " ms");
    }

    @Test
    void theDefaultRunsFolderAlsoListsTheSweepsBesideIt(@TempDir Path dir) {
        RunsViewModel model = new RunsViewModel(dir.resolve("runs"));
        assertEquals(List.of(dir.resolve("runs"), dir.resolve("sweeps").toAbsolutePath()), model.roots());
        assertEquals(List.of(dir.resolve("my-runs")), new RunsViewModel(dir.resolve("my-runs")).roots(),
                "another name: no sweeps sibling");
    }

    private static TableColumn<RunSummary, ?> column(TableView<RunSummary> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }
}
