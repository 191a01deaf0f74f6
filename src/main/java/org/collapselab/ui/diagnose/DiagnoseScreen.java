package org.collapselab.ui.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.collapselab.core.data.DatasetStatistics;
import org.collapselab.core.diagnostics.DataFindings;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.HtmlReportWriter;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunOutcome;
import org.collapselab.ui.AppContext;
import org.collapselab.ui.common.Formats;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Screen 4: the findings of the data and of the last run as ordered steps, each with its evidence,
 * explanation and a one-click fix; then retrain and compare. FX thread.
 */
public final class DiagnoseScreen {
    private final AppContext context;
    private final ListView<Finding> steps = new ListView<>();
    private final VBox detail = new VBox(10);
    private final Label comparison = new Label();
    private final SplitPane root;
    private final Consumer<ExperimentConfig> applyConfig;
    private final Runnable retrain;
    private RunOutcome before;
    private RunOutcome last;
    private List<Finding> dataFindings = List.of();
    private org.collapselab.core.data.ImageDataset findingsData;

    public DiagnoseScreen(AppContext context, Consumer<ExperimentConfig> applyConfig, Runnable retrain) {
        this.context = context;
        this.applyConfig = applyConfig;
        this.retrain = retrain;
        steps.setId("diagnoseSteps");
        steps.setCellFactory(list -> new StepCell());
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> show(f));
        steps.setPlaceholder(new Label("Load data and train: the checks of the data and of the run appear here."));
        Label title = new Label("Checks, most likely cause first");
        title.getStyleClass().add("section-title");
        Button retrainButton = new Button("Retrain with fixes", new FontIcon(Feather.PLAY));
        retrainButton.setId("retrainWithFixes");
        retrainButton.setOnAction(e -> {
            before = last;
            retrain.run();
        });
        comparison.setId("beforeAfter");
        comparison.setWrapText(true);
        VBox left = new VBox(8, title, steps, retrainButton, comparison);
        left.setPadding(new Insets(10));
        detail.setPadding(new Insets(14));
        detail.setId("diagnoseDetail");
        root = new SplitPane(left, detail);
        root.setDividerPositions(0.36);
        context.datasetProperty().addListener((o, a, d) -> measureData(d));
        context.configProperty().addListener((o, a, c) -> refresh());
        refresh();
    }

    public Node node() {
        return root;
    }

    /** A training run finished: show its findings, and the before/after comparison if a fix was retrained. */
    public void runFinished(RunOutcome outcome) {
        last = outcome;
        if (before != null && outcome != null && before.result().lastEpoch() != null && outcome.result().lastEpoch() != null) {
            EpochMetrics b = before.result().lastEpoch();
            EpochMetrics a = outcome.result().lastEpoch();
            comparison.setText(String.format("Before → after: balanced accuracy %s → %s, top-class share %s → %s, "
                            + "collapsed %s → %s", Formats.percent(b.balancedAccuracy()), Formats.percent(a.balancedAccuracy()),
                    Formats.percent(b.predictionShare()), Formats.percent(a.predictionShare()),
                    b.collapsed() ? "yes" : "no", a.collapsed() ? "yes" : "no"));
        }
        refresh();
    }

    /**
     * Data findings walk every image (statistics, duplicates, one-feature probes): computed once per
     * dataset on the loading executor, not on every config edit on the FX thread.
     */
    private void measureData(org.collapselab.core.data.ImageDataset data) {
        dataFindings = List.of();
        findingsData = null;
        refresh();
        if (data == null) {
            return;
        }
        java.util.concurrent.CompletableFuture
                .supplyAsync(() -> DataFindings.of(data, context.configProperty().get()), context.loadingExecutor())
                .whenCompleteAsync((found, error) -> {
                    if (error == null && data == context.datasetProperty().get()) {
                        dataFindings = found;
                        findingsData = data;
                        refresh();
                    }
                }, javafx.application.Platform::runLater);
    }

    private void refresh() {
        List<Finding> findings = new ArrayList<>();
        if (last != null) {
            findings.addAll(last.findings());
        }
        var data = context.datasetProperty().get();
        if (data != null) {
            List<Finding> before = new ArrayList<>(data == findingsData ? dataFindings : List.of());
            before.addAll(org.collapselab.core.diagnostics.ConfigFindings.of(context.configProperty().get(), data.classCount()));
            for (Finding f : before) {
                if (findings.stream().noneMatch(x -> x.id().equals(f.id()))) {
                    findings.add(f);
                }
            }
        }
        findings.sort((a, b) -> b.severity().compareTo(a.severity()));
        steps.getItems().setAll(findings);
        if (!findings.isEmpty()) {
            steps.getSelectionModel().select(0);
        } else {
            show(null);
        }
    }

    private void show(Finding f) {
        detail.getChildren().clear();
        if (f == null) {
            Label none = new Label(last == null ? "No run yet. Train once (Ctrl+Enter) and the checks of the run appear here."
                    : "No findings: the data and the last run look healthy.");
            none.setWrapText(true);
            detail.getChildren().add(none);
            return;
        }
        Label title = new Label(f.title());
        title.getStyleClass().add("finding-title");
        title.setWrapText(true);
        Label id = new Label(f.severity().json().toUpperCase() + " · " + f.id());
        id.getStyleClass().addAll("caption", "severity-" + f.severity().json());
        Label explanation = new Label(f.explanation());
        explanation.setWrapText(true);
        detail.getChildren().addAll(id, title, explanation);
        if (f.evidence() != null) {
            Label evidence = new Label(String.format("Measured %s · threshold %s%nSource: %s",
                    Formats.number(f.evidence().measured()), Formats.number(f.evidence().threshold()), f.evidence().source()));
            evidence.setWrapText(true);
            evidence.getStyleClass().add("evidence");
            detail.getChildren().add(evidence);
        }
        if (f.fix() != null) {
            Label fix = new Label("Fix: " + f.fix().description() + " " + f.fix().set());
            fix.setWrapText(true);
            Button apply = new Button("Apply fix", new FontIcon(Feather.CHECK));
            apply.setId("applyFix");
            apply.getStyleClass().add("accent");
            Label applied = new Label();
            apply.setOnAction(e -> applied.setText(applyFix(f.fix().set())));
            detail.getChildren().addAll(fix, new HBox(10, apply, applied));
        }
        if (last != null && last.runFolder() != null) {
            Button export = new Button("Export HTML report", new FontIcon(Feather.FILE_TEXT));
            Label done = new Label();
            export.setOnAction(e -> {
                try {
                    var html = last.runFolder().resolve("report.html");
                    HtmlReportWriter.write(last.report(), html);
                    done.setText("Wrote " + html.toAbsolutePath());
                } catch (Exception ex) {
                    done.setText("Export failed: " + ex.getMessage());
                }
            });
            detail.getChildren().add(new HBox(10, export, done));
        }
    }

    private String applyFix(Map<String, Object> set) {
        List<String> overrides = new ArrayList<>();
        set.forEach((k, v) -> overrides.add(k + "=" + v));
        try {
            applyConfig.accept(ConfigCodec.withOverrides(context.configProperty().get(), overrides));
            return "Applied " + overrides + ". Press “Retrain with fixes”.";
        } catch (ConfigException e) {
            return "Could not apply: " + e.getMessage();
        }
    }

    private static final class StepCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (f.severity()) {
                case CRITICAL -> Feather.ALERT_OCTAGON;
                case WARNING -> Feather.ALERT_TRIANGLE;
                case INFO -> Feather.INFO;
            });
            icon.getStyleClass().add("severity-" + f.severity().json());
            setGraphic(icon);
            setText(f.title());
        }
    }
}
