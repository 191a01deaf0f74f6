package org.collapselab.ui.diagnose;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.collapselab.core.diagnostics.CauseRanker;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.FindingLink;
import org.collapselab.core.diagnostics.StepResult;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.ui.AppContext;
import org.collapselab.ui.common.Formats;
import org.collapselab.ui.help.Help;
import org.collapselab.ui.help.LearnMore;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Screen 4, the guided stepper (design §2.4): the session's ordered checks on the left, grouped by
 * phase, with their state; the selected step on the right with its findings (evidence, explanation,
 * Apply fix) and its chart; Run step / Skip / Next / Run all / Stop, Retrain with fixes, the ranked
 * causes with their trial before → after, and HTML export. The last list entry is the summary. FX thread;
 * the work runs in {@link DiagnoseViewModel}.
 */
public final class DiagnoseScreen {
    private final AppContext context;
    /** The list's last entry: ranked causes and before/after, not a check. */
    static final StepItem SUMMARY = new StepItem(-1, null);
    static final double PROGRESS_TEXT_WIDTH = 200;

    private final DiagnoseViewModel model;
    private final Runnable retrain;
    private final ListView<StepItem> list = new ListView<>();
    private final VBox detail = new VBox(12);
    private final BorderPane root = new BorderPane();
    private final Label message = new Label();

    public DiagnoseScreen(AppContext context, Consumer<ExperimentConfig> applyConfig, Runnable retrain) {
        this.context = context;
        this.model = new DiagnoseViewModel(context, applyConfig);
        this.retrain = retrain;
        list.setId("diagnoseSteps");
        list.setCellFactory(v -> new StepCell());
        list.setPlaceholder(new Label("Load a dataset: the checks appear here."));
        // Keyboard: the arrow keys choose a step, Enter runs it (as "Run step" does).
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !e.isShortcutDown() && !model.runningProperty().get()
                    && list.getSelectionModel().getSelectedItem() != null
                    && list.getSelectionModel().getSelectedItem() != SUMMARY) {
                model.runStep();
                e.consume();
            }
        });
        model.steps().addListener((javafx.collections.ListChangeListener<StepItem>) c -> {
            boolean structural = false;
            boolean selectedChanged = false;
            while (c.next()) {
                if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        selectedChanged |= c.getList().get(i) == list.getSelectionModel().getSelectedItem();
                    }
                } else {
                    structural = true;
                }
            }
            if (structural) {
                rebuildList();
            } else {
                list.refresh();
                if (selectedChanged) {
                    show();
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item != SUMMARY) {
                model.select(item.index());
            }
            show();
        });
        model.currentProperty().addListener((o, a, index) -> {
            int i = index.intValue();
            if (i >= 0 && i < model.steps().size()) {
                StepItem item = model.steps().get(i);
                if (list.getSelectionModel().getSelectedItem() != item) {
                    // Moved by the session (Next, Skip, Run all), not by a click: follow it.
                    list.getSelectionModel().select(item);
                    list.scrollTo(Math.max(0, i - 3));
                }
            } else if (i >= model.steps().size() && !model.steps().isEmpty()) {
                list.getSelectionModel().select(SUMMARY);
            }
        });
        model.ranked().addListener((javafx.collections.ListChangeListener<Finding>) c -> {
            if (!model.ranked().isEmpty()) {
                list.getSelectionModel().select(SUMMARY);
            }
            refreshIfShowing(SUMMARY);
        });
        model.comparisonProperty().addListener((o, a, b) -> {
            if (!list.getItems().isEmpty() && b != null && !b.isEmpty()) {
                list.getSelectionModel().select(SUMMARY);
            }
            refreshIfShowing(SUMMARY);
        });
        model.appliedFixes().addListener((javafx.collections.SetChangeListener<String>) c -> show());
        model.staleProperty().addListener((o, a, b) -> show());
        model.diagnosedRunProperty().addListener((o, a, b) -> show());
        context.tableProperty().addListener((o, a, b) -> show());

        ProgressBar progress = new ProgressBar();
        progress.setId("diagnoseProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        // Only takes room while it runs: idle, the buttons keep the width (Export report fits at 1280 px).
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(120);
        progress.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label progressText = new Label();
        progressText.setId("diagnoseProgressText");
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.getStyleClass().add("caption");
        // A fixed width, cut with "…" (full text in the tooltip): a long step message must not push the bar off screen.
        progressText.setPrefWidth(PROGRESS_TEXT_WIDTH);
        progressText.setMaxWidth(PROGRESS_TEXT_WIDTH);
        progressText.setMinWidth(80);
        progressText.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        javafx.scene.control.Tooltip fullProgress = new javafx.scene.control.Tooltip();
        fullProgress.textProperty().bind(model.progressTextProperty());
        progressText.setTooltip(fullProgress);

        Button run = button("_Run step", Feather.PLAY, "runStep", model::runStep);
        Button skip = button("S_kip", Feather.SKIP_FORWARD, "skipStep", model::skip);
        Button next = button("_Next", Feather.CHEVRON_RIGHT, "nextStep", model::next);
        Button quick = button("_Quick checks", Feather.ZAP, "runPassive", model::runPassive);
        quick.setTooltip(new javafx.scene.control.Tooltip("Run every passive check (data, config, monitoring): no training"));
        Button all = button("Run _all", Feather.FAST_FORWARD, "runAll", model::runAll);
        all.setTooltip(new javafx.scene.control.Tooltip("Run every step, then rank the causes by short trial runs of their fixes; "
                + "experiments stop after " + Math.round(org.collapselab.core.training.TrialBudget.DEFAULT_SECONDS / 60) + " minutes, or when you press Stop"));
        Button stop = button("St_op", Feather.SQUARE, "stopDiagnose", model::stop);
        Button retrainButton = button("Retrain _with fixes", Feather.REFRESH_CW, "retrainWithFixes",
                () -> model.retrainWithFixes(retrain));
        Button export = button("Ex_port report", Feather.FILE_TEXT, "exportReport", this::export);
        for (Button b : new Button[]{run, skip, next, quick, all, retrainButton, export}) {
            b.disableProperty().bind(model.runningProperty());
        }
        stop.disableProperty().bind(model.runningProperty().not());
        Help.tip(run, "Run the selected step of the checklist");
        Help.tip(skip, "Skip the selected step; it counts as skipped, never as passed");
        Help.tip(next, "Go to the next step without running this one");
        Help.tip(stop, "Stop the running step or trial after its current minibatch");
        Help.tip(retrainButton, "Train again with the applied fixes and compare the new run with the diagnosed one");
        Help.tip(export, "Save the diagnosis as a report file you can share or open in a browser");
        // Buttons wrap onto a second line when the text is large (no » overflow menu hiding Retrain and Export);
        // the progress sits at the right, outside the wrapping part, so it never pushes a button off screen.
        HBox progressArea = new HBox(8, progressText, progress);
        progressArea.setId("diagnoseProgressBar");
        progressArea.setAlignment(Pos.CENTER_RIGHT);
        javafx.scene.layout.HBox top = org.collapselab.ui.common.WrappingBar.of("diagnoseToolbar",
                java.util.List.of(run, skip, next, separator(), quick, all, stop, separator(), retrainButton, export),
                java.util.List.of(progressArea));
        // Idle, the progress line is short ("Done."): the buttons get the width.
        progressArea.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        detail.setPadding(new Insets(14));
        detail.setId("diagnoseDetail");
        detail.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        message.setId("diagnoseMessage");
        message.setWrapText(true);
        message.getStyleClass().add("caption");
        VBox right = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(list, false);
        root.setTop(top);
        root.setCenter(split);
        rebuildList();
    }

    public Node node() {
        return root;
    }

    /** The stepper's state (tests, screenshot tour). */
    public DiagnoseViewModel model() {
        return model;
    }

    /** A training run finished: the stepper reuses it as the monitored run, or compares it after a retrain. */
    public void runFinished(RunOutcome outcome) {
        model.runFinished(outcome);
        refreshIfShowing(SUMMARY);
    }

    private static Separator separator() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }

    /** Step times are milliseconds for passive checks and minutes for experiments. */
    static String time(double seconds) {
        if (seconds < 1) {
            return String.format("%.0f ms", Math.max(1, 1000 * seconds));
        }
        return seconds < 60 ? String.format("%.1f s", seconds) : Formats.duration(seconds);
    }

    private static Button button(String text, Ikon icon, String id, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void rebuildList() {
        StepItem selected = list.getSelectionModel().getSelectedItem();
        list.getItems().setAll(model.steps());
        if (!model.steps().isEmpty()) {
            list.getItems().add(SUMMARY);
        }
        if (selected != null && list.getItems().contains(selected)) {
            list.getSelectionModel().select(selected);
        } else if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
        show();
    }

    private void refreshIfShowing(StepItem item) {
        if (list.getSelectionModel().getSelectedItem() == item) {
            show();
        }
    }

    private void export() {
        try {
            message.setText("Wrote " + model.exportReport().toAbsolutePath());
        } catch (Exception e) {
            message.setText("Export failed: " + e.getMessage());
        }
        show();
    }

    /** Redraws the detail of the selected entry. */
    private void show() {
        StepItem item = list.getSelectionModel().getSelectedItem();
        detail.getChildren().clear();
        if (model.staleProperty().get()) {
            Label stale = new Label("The config changed since these results (fixes applied?): they describe the config "
                    + "the session started with. Retrain with fixes to see the effect, or start over with the current config.");
            stale.setWrapText(true);
            stale.getStyleClass().add("stale-banner");
            Button restart = button("Start over", Feather.ROTATE_CCW, "restartSession", this::startOver);
            restart.disableProperty().bind(model.runningProperty());
            restart.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox box = new HBox(10, stale, restart);
            box.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(stale, Priority.ALWAYS);
            detail.getChildren().add(box);
        } else if (retrained()) {
            Label note = new Label("Retrained with the fixes: the before → after is in the summary and on the Train tab. "
                    + "These steps still describe the diagnosed config; start over to diagnose the current one.");
            note.setId("retrainedNote");
            note.setWrapText(true);
            note.getStyleClass().add("caption");
            Button restart = button("Start over", Feather.ROTATE_CCW, "restartSession", this::startOver);
            restart.disableProperty().bind(model.runningProperty());
            restart.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox box = new HBox(10, note, restart);
            box.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(note, Priority.ALWAYS);
            detail.getChildren().add(box);
        }
        if (item == null) {
            // Nothing to diagnose yet; the progress line says why when data of the other kind is loaded.
            Label none = new Label("Load a dataset (Data tab: an image folder or a CSV file) to diagnose it.");
            none.setWrapText(true);
            detail.getChildren().add(none);
        } else if (item == SUMMARY) {
            showSummary();
        } else {
            showStep(item);
        }
        if (!message.getText().isEmpty()) {
            detail.getChildren().add(message);
        }
    }

    /** A retrain with the fixes has finished and been compared (not merely started). */
    private boolean retrained() {
        String text = model.comparisonProperty().get();
        return text != null && !text.isEmpty() && !text.startsWith("Retraining");
    }

    private void startOver() {
        model.reset();
        model.comparisonProperty().set("");
        show();
    }

    private void showStep(StepItem item) {
        DiagnosticCheck check = item.check();
        StepResult r = item.result();
        Label where = new Label(String.format("Step %d of %d · %s · %s", item.index() + 1, model.steps().size(),
                phaseName(check), check.active() ? "experiment (trains briefly)" : "passive (no training)"));
        where.getStyleClass().add("caption");
        Label title = new Label(check.title());
        title.setId("stepTitle");
        title.getStyleClass().add("finding-title");
        Label description = new Label(check.description());
        description.setWrapText(true);
        FontIcon icon = icon(item);
        Label state = new Label(stateText(item), icon);
        state.setId("stepState");
        state.setWrapText(true);
        state.getStyleClass().addAll("step-state", "state-" + item.stateKey());
        detail.getChildren().addAll(where, title, description, state);
        if (r.run() != null) {
            detail.getChildren().add(examinedRun(r));
        }
        VBox findings = new VBox(12);
        if (r.state() == CheckState.FOUND) {
            for (Finding f : r.findings()) {
                findings.getChildren().add(findingCard(f));
            }
        }
        VBox charts = new VBox(12);
        for (ChartData chart : r.charts()) {
            charts.getChildren().add(StepCharts.of(chart));
        }
        if (!findings.getChildren().isEmpty() && !charts.getChildren().isEmpty()) {
            // Side by side, so the finding and the chart that explains it are seen together.
            GridPane both = new GridPane();
            both.setHgap(14);
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            both.getColumnConstraints().addAll(half, half);
            both.addRow(0, findings, charts);
            GridPane.setValignment(findings, javafx.geometry.VPos.TOP);
            GridPane.setValignment(charts, javafx.geometry.VPos.TOP);
            detail.getChildren().add(both);
        } else {
            detail.getChildren().addAll(findings, charts);
        }
    }

    private static String phaseName(DiagnosticCheck check) {
        return switch (check.phase()) {
            case DATA -> "Data";
            case CONFIG -> "Config";
            case PREFLIGHT -> "Pre-flight experiments";
            case TRAINING -> "Training run";
            case POST_TRAINING -> "After training";
        };
    }

    private String stateText(StepItem item) {
        StepResult r = item.result();
        return switch (r.state()) {
            case PENDING -> "Pending — press Run step" + (item.check().active() ? " (runs a short experiment)" : "");
            case RUNNING -> "Running… " + item.progressProperty().get();
            case PASSED -> item.check().producesTrainingRun()
                    ? "Done in " + time(r.seconds()) + (r.run() == null ? "" : ": the steps below judge this run")
                    : "Passed in " + time(r.seconds()) + ": nothing found";
            case FOUND -> String.format("Found %d %s in %s", r.findings().size(),
                    r.findings().size() == 1 ? "finding" : "findings", time(r.seconds()));
            case SKIPPED -> "Skipped: " + (r.note() == null ? "" : r.note());
            case WAITING -> screenWhileWaiting(item) + "Waiting for a training run: run the step “Monitored training "
                    + "run”, or train this config on the Train tab (the latest such run is used)";
            case NOT_APPLICABLE -> "Not applicable: " + (r.note() == null ? "" : r.note());
            case FAILED -> "Failed: " + r.note();
        };
    }

    /** What a step that screens before the training run found meanwhile (the shortcut probe), else nothing. */
    private static String screenWhileWaiting(StepItem item) {
        String note = item.result().note();
        return item.check().readsTrainingRunWhenPresent() && note != null
                ? note.replaceFirst(" — waiting for a training run.*$", "") + ". " : "";
    }

    /** "Examined run 2026-…" under the state of a step that made or judged the training run. */
    private static Label examinedRun(StepResult r) {
        Label run = new Label("Examined run: " + r.run());
        run.setId("stepRun");
        run.setWrapText(true);
        run.getStyleClass().add("caption");
        return run;
    }

    private Node findingCard(Finding f) {
        Label badge = new Label(f.severity().json().toUpperCase() + " · " + f.id(), new FontIcon(severityIcon(f)));
        badge.getStyleClass().addAll("caption", "severity-" + f.severity().json());
        badge.getGraphic().getStyleClass().add("severity-" + f.severity().json());
        Label title = new Label(f.title());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Label explanation = new Label(f.explanation());
        explanation.setWrapText(true);
        HBox head = new HBox(10, badge, LearnMore.button(f.id()));
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, head, title, explanation);
        card.getStyleClass().add("finding-card");
        card.setId("finding-" + f.id());
        if (f.inconclusive()) {
            // The badge says so first: the evidence could not decide it, so nobody should act on it yet.
            badge.setText("INCONCLUSIVE · " + badge.getText());
            Label reason = new Label("Inconclusive: " + f.inconclusiveReason());
            reason.setId("inconclusive-" + f.id());
            reason.setWrapText(true);
            reason.getStyleClass().add("caption");
            card.getChildren().add(2, reason);
        }
        if (f.evidence() != null) {
            GridPane evidence = new GridPane();
            evidence.setHgap(12);
            evidence.setVgap(4);
            evidence.getStyleClass().add("evidence");
            evidence.setId("evidence-" + f.id());
            Label measured = new Label(Formats.number(f.evidence().measured()));
            measured.setId("measured-" + f.id());
            Label threshold = new Label(Formats.number(f.evidence().threshold()));
            Label source = new Label(f.evidence().source());
            source.setWrapText(true);
            evidence.addRow(0, key("Measured"), measured);
            evidence.addRow(1, key("Threshold"), threshold);
            evidence.addRow(2, key("Source"), source);
            GridPane.setHgrow(source, Priority.ALWAYS);
            card.getChildren().add(evidence);
        }
        if (f.fix() != null) {
            boolean configFix = !f.fix().set().isEmpty();
            Label fix = new Label("Fix: " + f.fix().description()
                    + (configFix ? "  (" + DiagnoseViewModel.describe(f.fix().set()) + ")" : ""));
            fix.setWrapText(true);
            card.getChildren().add(fix);
            if (f.fix().trial() != null) {
                Label trial = new Label("Trial run: balanced accuracy " + CauseRanker.describe(f.fix().trial()));
                trial.setWrapText(true);
                card.getChildren().add(trial);
            }
            if (configFix) {
                Button apply = new Button("Appl_y fix", new FontIcon(Feather.CHECK));
                apply.setId("applyFix-" + f.id());
                apply.getStyleClass().add("accent");
                Label applied = new Label(model.appliedFixes().contains(f.id()) ? "Applied to the config." : "");
                applied.setId("applied-" + f.id());
                applied.setWrapText(true);
                apply.setOnAction(e -> applied.setText(model.applyFix(f)));
                Help.tip(apply, "Change the config as this fix says; Ctrl+Z undoes it");
                apply.setAccessibleText("Apply fix for " + f.title());
                HBox row = new HBox(10, apply, applied);
                row.setAlignment(Pos.CENTER_LEFT);
                card.getChildren().add(row);
            }
        }
        return card;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        // Its whole word at any text size: the value column gives way instead.
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void showSummary() {
        Label title = new Label("Ranked causes and before / after");
        title.getStyleClass().add("finding-title");
        detail.getChildren().add(title);
        Label rule = new Label(CauseRanker.RULE);
        rule.setId("rankingRule");
        rule.setWrapText(true);
        rule.getStyleClass().add("caption");
        detail.getChildren().add(rule);
        if (model.ranked().isEmpty()) {
            Label hint = new Label("Run all runs every step, then tries each proposed fix in a short trial run (a few "
                    + "epochs on a sample of the images, next to the unchanged config trained the same way) and ranks "
                    + "the findings.");
            hint.setWrapText(true);
            detail.getChildren().add(hint);
        } else {
            detail.getChildren().add(rankedTable(model.ranked()));
        }
        Label compareTitle = new Label("Before → after retraining");
        compareTitle.getStyleClass().add("section-title");
        Label comparison = new Label();
        comparison.setId("beforeAfter");
        comparison.setWrapText(true);
        comparison.textProperty().bind(Bindings.when(model.comparisonProperty().isEmpty())
                .then("Apply fixes, then press Retrain with fixes: the new run is compared with the diagnosed one "
                        + "(balanced accuracy, share of the top predicted class, collapse verdict).")
                .otherwise(model.comparisonProperty()));
        detail.getChildren().addAll(compareTitle, comparison);
    }

    /**
     * One row per entry of the ranking: rank, the root finding with why it holds its place and what is listed under
     * it (symptoms and the next links of its chain, findings with the same fix), the fix, and the trial as before →
     * after (change) with the trial's size.
     */
    private static GridPane rankedTable(java.util.List<Finding> ranked) {
        GridPane table = new GridPane();
        table.setId("rankedCauses");
        table.setHgap(14);
        table.setVgap(10);
        javafx.scene.layout.ColumnConstraints rank = new javafx.scene.layout.ColumnConstraints();
        rank.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints finding = new javafx.scene.layout.ColumnConstraints();
        finding.setPercentWidth(42);
        javafx.scene.layout.ColumnConstraints fix = new javafx.scene.layout.ColumnConstraints();
        fix.setPercentWidth(24);
        javafx.scene.layout.ColumnConstraints trial = new javafx.scene.layout.ColumnConstraints();
        trial.setPercentWidth(28);
        table.getColumnConstraints().addAll(rank, finding, fix, trial);
        table.addRow(0, key("Rank"), key("Cause, and what it explains"), key("Fix"),
                key("Trial: balanced accuracy before → after"));
        int row = 1;
        for (int i = 0; i < ranked.size(); i++) {
            Finding f = ranked.get(i);
            if (!f.topLevel()) {
                continue;
            }
            VBox cause = new VBox(4);
            cause.setId("ranked-" + f.id());
            Label name = new Label((f.inconclusive() ? "Inconclusive: " : "") + f.title() + "  (" + f.id() + ")",
                    new FontIcon(severityIcon(f)));
            name.getGraphic().getStyleClass().add("severity-" + f.severity().json());
            name.getStyleClass().add("section-title");
            name.setWrapText(true);
            cause.getChildren().add(name);
            if (f.rankReason() != null) {
                Label why = new Label("Why #" + f.rank() + ": " + f.rankReason());
                why.setId("why-" + f.id());
                why.setWrapText(true);
                why.getStyleClass().add("caption");
                cause.getChildren().add(why);
            }
            java.util.List<Finding> below = new java.util.ArrayList<>();
            for (int j = i + 1; j < ranked.size() && !ranked.get(j).topLevel(); j++) {
                below.add(ranked.get(j));
            }
            if (!below.isEmpty()) {
                long symptoms = below.stream().filter(b -> b.under().relation() == FindingLink.Relation.SYMPTOM).count();
                long same = below.size() - symptoms;
                Label count = new Label((symptoms > 0 ? "+" + symptoms + (symptoms == 1 ? " symptom" : " symptoms") : "")
                        + (symptoms > 0 && same > 0 ? ", " : "") + (same > 0 ? "+" + same + " with the same fix" : ""));
                count.setId("below-" + f.id());
                count.getStyleClass().add("caption");
                cause.getChildren().add(count);
                java.util.Map<String, Integer> depth = new java.util.HashMap<>();
                depth.put(f.id(), 0);
                for (Finding b : below) {
                    int d = depth.getOrDefault(b.under().id(), 0) + 1;
                    depth.put(b.id(), d);
                    Label link = new Label((b.under().relation() == FindingLink.Relation.SAME_FIX ? "= " : "→ ")
                            + b.title() + "  (" + b.id() + "): " + b.under().because(), new FontIcon(severityIcon(b)));
                    link.getGraphic().getStyleClass().add("severity-" + b.severity().json());
                    link.setWrapText(true);
                    link.setPadding(new Insets(0, 0, 0, 16 * d));
                    cause.getChildren().add(link);
                }
            }
            Label fixText = new Label(f.fix() == null ? "—" : f.fix().set().isEmpty() ? f.fix().description()
                    : f.fix().description() + "\n(" + CauseRanker.describe(f.fix().set()) + ")");
            fixText.setWrapText(true);
            VBox trialBox = new VBox(2);
            trialBox.setId("trial-" + f.id());
            if (f.fix() == null || f.fix().trial() == null) {
                trialBox.getChildren().add(new Label("not tried"));
            } else {
                var t = f.fix().trial();
                Label change = new Label(String.format(java.util.Locale.ROOT, "%.2f → %.2f  (%s%.2f)",
                        t.balancedAccuracyBefore(), t.balancedAccuracyAfter(), t.gain() < 0 ? "−" : "+",
                        Math.abs(t.gain())));
                change.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                trialBox.getChildren().add(change);
                if (t.epochs() != null && t.trainImages() != null && t.validationImages() != null) {
                    Label size = new Label(String.format(java.util.Locale.ROOT, "%d-epoch trials, %d training / %d "
                            + "validation images; before = the unchanged config", t.epochs(), t.trainImages(),
                            t.validationImages()));
                    size.setWrapText(true);
                    size.getStyleClass().add("caption");
                    trialBox.getChildren().add(size);
                }
            }
            Label rankLabel = new Label("#" + f.rank());
            rankLabel.getStyleClass().add("section-title");
            table.addRow(row++, rankLabel, cause, fixText, trialBox);
            for (Node n : new Node[]{rankLabel, cause, fixText, trialBox}) {
                GridPane.setValignment(n, javafx.geometry.VPos.TOP);
            }
        }
        return table;
    }

    static Ikon stateIcon(StepItem item) {
        return switch (item.stateKey()) {
            case "running" -> Feather.LOADER;
            case "passed" -> Feather.CHECK_CIRCLE;
            case "info" -> Feather.INFO;
            case "warning" -> Feather.ALERT_TRIANGLE;
            case "critical" -> Feather.ALERT_OCTAGON;
            case "skipped" -> Feather.SKIP_FORWARD;
            case "waiting" -> Feather.CLOCK;
            case "not-applicable" -> Feather.MINUS_CIRCLE;
            case "failed" -> Feather.X_CIRCLE;
            default -> Feather.CIRCLE;
        };
    }

    private static FontIcon icon(StepItem item) {
        FontIcon icon = new FontIcon(stateIcon(item));
        icon.getStyleClass().addAll("step-icon", "state-" + item.stateKey());
        return icon;
    }

    private static Ikon severityIcon(Finding f) {
        return switch (f.severity()) {
            case CRITICAL -> Feather.ALERT_OCTAGON;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case INFO -> Feather.INFO;
        };
    }

    /**
     * The caption right of a step: its time once it ran, "waiting" or "n/a" when it could not, else "experiment"
     * for a step that trains (the "Network depth" comparison only where it would train).
     */
    private static String stepCaption(StepItem item) {
        StepResult r = item.result();
        return switch (r.state()) {
            case PASSED, FOUND -> time(r.seconds());
            case WAITING -> "waiting";
            case NOT_APPLICABLE -> "n/a";
            default -> item.check().active() ? "experiment" : "";
        };
    }

    /** One step: a phase header above the first step of each phase, then the state icon, title and time. */
    private final class StepCell extends ListCell<StepItem> {
        StepCell() {
            // As wide as the list, not as its longest row: the row wraps within it.
            setPrefWidth(0);
        }

        // The cell lays its graphic out at the graphic's one-line size; here it gets the cell's width, and the
        // height it needs at that width (a wrapped title takes two lines).
        @Override
        protected double computePrefHeight(double width) {
            Node graphic = getGraphic();
            if (graphic == null || width <= 0) {
                return super.computePrefHeight(width);
            }
            Insets in = getInsets();
            return in.getTop() + in.getBottom() + graphic.prefHeight(width - in.getLeft() - in.getRight());
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            Node graphic = getGraphic();
            if (graphic != null) {
                Insets in = getInsets();
                double width = getWidth() - in.getLeft() - in.getRight();
                graphic.resizeRelocate(in.getLeft(), in.getTop(), width, graphic.prefHeight(width));
            }
        }

        @Override
        protected void updateItem(StepItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            if (item == SUMMARY) {
                setId("step-summary");
                Label header = new Label("Summary");
                header.getStyleClass().add("phase-header");
                Label row = new Label("Ranked causes, before / after", new FontIcon(Feather.AWARD));
                setGraphic(new VBox(4, header, row));
                return;
            }
            setId("step-" + item.check().id());
            Label title = new Label(item.check().title(), icon(item));
            title.setGraphicTextGap(8);
            // A narrow list or large text: the title wraps and the caption keeps its words, no sideways scrolling.
            title.setWrapText(true);
            title.setMinWidth(0);
            Label time = new Label(stepCaption(item));
            time.getStyleClass().add("caption");
            time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Pane spacer = new Pane();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(6, title, spacer, time);
            row.setAlignment(Pos.CENTER_LEFT);
            if (item.index() == 0 || model.steps().get(item.index() - 1).check().phase() != item.check().phase()) {
                Label header = new Label(phaseName(item.check()));
                header.getStyleClass().add("phase-header");
                setGraphic(new VBox(4, header, row));
            } else {
                setGraphic(row);
            }
        }
    }
}
