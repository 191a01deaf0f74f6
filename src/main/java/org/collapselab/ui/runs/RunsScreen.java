package org.collapselab.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.collapselab.core.report.HtmlReportWriter;
import org.collapselab.core.report.RunReport;
import org.collapselab.ui.common.Formats;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Screen 5: the run history (GUI and CLI runs alike), reopening a run, and HTML export. FX thread. */
public final class RunsScreen {
    private final Path runsDirectory;
    private final BorderPane root = new BorderPane();
    private final TableView<RunRow> table = new TableView<>();
    private final Label message = new Label();

    /** @param onOpen receives the run folder and its report, to show it on the train screen */
    public RunsScreen(Path runsDirectory, BiConsumer<Path, RunReport> onOpen) {
        this.runsDirectory = runsDirectory;
        table.setId("runsTable");
        table.setPlaceholder(new Label("No runs yet under " + runsDirectory.toAbsolutePath()
                + ". Train one, or run `collapse-lab train` in this folder."));
        table.getColumns().setAll(List.of(
                column("Run", r -> r.folder().getFileName().toString(), 260),
                column("Status", RunRow::status, 110),
                column("Epochs", r -> String.valueOf(r.report().epochs().size()), 90),
                column("Val. accuracy", r -> r.report().finalResult() == null ? "–"
                        : Formats.percent(r.report().finalResult().validationAccuracy()), 140),
                column("Balanced", r -> r.report().finalResult() == null ? "–"
                        : Formats.percent(r.report().finalResult().balancedAccuracy()), 110),
                column("Collapsed", r -> r.report().collapse() != null && r.report().collapse().collapsed()
                        ? "yes → " + r.report().collapse().dominantClass() : "no", 160),
                column("Findings", r -> String.valueOf(r.report().findings().size()), 100)));
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setOnAction(e -> refresh());
        Button open = new Button("Show charts", new FontIcon(Feather.BAR_CHART_2));
        open.setId("openRun");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> {
            RunRow row = table.getSelectionModel().getSelectedItem();
            onOpen.accept(row.folder(), row.report());
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                RunRow row = table.getSelectionModel().getSelectedItem();
                onOpen.accept(row.folder(), row.report());
            }
        });
        Button export = new Button("Export HTML report", new FontIcon(Feather.FILE_TEXT));
        export.disableProperty().bind(open.disableProperty());
        export.setOnAction(e -> export(table.getSelectionModel().getSelectedItem()));
        Label hint = new Label("Open two runs one after the other to overlay their curves (the earlier one is drawn faded).");
        hint.getStyleClass().add("caption");
        HBox buttons = new HBox(8, refresh, open, export, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, buttons, hint);
        top.setPadding(new Insets(10));
        root.setTop(top);
        root.setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 10, 10, 10));
        refresh();
    }

    public Node node() {
        return root;
    }

    public void refresh() {
        List<RunRow> rows = new ArrayList<>();
        if (Files.isDirectory(runsDirectory)) {
            try (Stream<Path> folders = Files.list(runsDirectory)) {
                for (Path folder : (Iterable<Path>) folders.sorted(Comparator.reverseOrder())::iterator) {
                    try {
                        RunReport report = RunReport.read(folder);
                        rows.add(new RunRow(folder, report, report.displayStatus(folder)));
                    } catch (IOException e) {
                        // not a run folder (or an unreadable one): not listed
                    }
                }
            } catch (IOException e) {
                message.setText("Cannot list " + runsDirectory + ": " + e.getMessage());
            }
        }
        table.getItems().setAll(rows);
    }

    private void export(RunRow row) {
        try {
            Path html = row.folder().resolve("report.html");
            HtmlReportWriter.write(row.report(), html);
            message.setText("Wrote " + html.toAbsolutePath());
        } catch (IOException e) {
            message.setText("Export failed: " + e.getMessage());
        }
    }

    private static TableColumn<RunRow, String> column(String title, java.util.function.Function<RunRow, String> value,
                                                      double width) {
        TableColumn<RunRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width * 0.8); // keeps the bold headers readable
        return column;
    }

    record RunRow(Path folder, RunReport report, String status) {
    }
}
