package org.collapselab.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.collapselab.core.experiment.runs.RunIndex;
import org.collapselab.core.experiment.runs.RunSummary;
import org.collapselab.core.experiment.runs.RunTable;

/**
 * The Runs screen's state: the indexed runs, the text filter, and the commands (refresh, note, delete). Scanning,
 * saving notes and deleting run on one background thread; results come back to the FX thread. FX thread otherwise.
 */
public final class RunsViewModel {
    static final String RUNS_FOLDER = "runs";
    static final String SWEEPS_FOLDER = "sweeps";
    private volatile Path runsDirectory;
    private final Executor worker;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final FilteredList<RunSummary> filtered = new FilteredList<>(runs, r -> true);
    private final ObjectProperty<List<String>> differingParameters = new SimpleObjectProperty<>(List.of());
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty scanning = new SimpleBooleanProperty();
    private final AtomicLong generation = new AtomicLong();

    public RunsViewModel(Path runsDirectory) {
        this(runsDirectory, Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "runs-index");
            thread.setDaemon(true);
            return thread;
        }));
    }

    RunsViewModel(Path runsDirectory, ExecutorService worker) {
        this.runsDirectory = runsDirectory;
        this.worker = worker;
        filter.addListener((o, a, text) -> applyFilter(text));
    }

    public Path runsDirectory() {
        return runsDirectory;
    }

    /** Lists {@code directory} from the next refresh on (the user chose another runs folder). */
    public void useRunsDirectory(Path directory) {
        this.runsDirectory = directory;
    }

    /**
     * The runs folder, and when it is the working directory's runs/ (where the app and the CLI write), the sweeps/
     * beside it, where {@code sweep} writes its trials (one run folder each). A runs folder with another name has no
     * sweeps sibling, so a temporary folder never picks up someone else's sweeps.
     */
    List<Path> roots() {
        Path absolute = runsDirectory.toAbsolutePath().normalize();
        if (absolute.getFileName() == null || !absolute.getFileName().toString().equals(RUNS_FOLDER)) {
            return List.of(runsDirectory);
        }
        return List.of(runsDirectory, absolute.resolveSibling(SWEEPS_FOLDER));
    }

    /** The runs shown: all indexed runs that match the filter. */
    public FilteredList<RunSummary> visibleRuns() {
        return filtered;
    }

    public ObservableList<RunSummary> allRuns() {
        return runs;
    }

    /** The config paths that differ among the indexed runs; one table column each. */
    public ObjectProperty<List<String>> differingParametersProperty() {
        return differingParameters;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty scanningProperty() {
        return scanning;
    }

    /** Re-reads the runs folder in the background; when several refreshes overlap, the last one wins. */
    public void refresh() {
        refresh(() -> { });
    }

    /** As {@link #refresh()}, then runs {@code afterShown} on the FX thread once the new rows are in. */
    public void refresh(Runnable afterShown) {
        assert Platform.isFxApplicationThread();
        long ticket = generation.incrementAndGet();
        scanning.set(true);
        List<Path> roots = roots();
        Path listed = runsDirectory;
        CompletableFuture.supplyAsync(() -> {
            try {
                return RunIndex.scan(roots);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, worker).whenComplete((table, error) -> Platform.runLater(() -> {
            if (ticket != generation.get()) {
                return;
            }
            scanning.set(false);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                message.set("Cannot list " + listed.toAbsolutePath() + ": " + cause.getMessage());
                return;
            }
            show(table);
            afterShown.run();
        }));
    }

    private void show(RunTable table) {
        runs.setAll(table.runs());
        differingParameters.set(table.differingParameters());
        applyFilter(filter.get()); // the searchable columns may have changed
        long problems = table.runs().stream().filter(r -> r.problem() != null).count();
        message.set(table.runs().size() + " runs" + (problems == 0 ? "" : ", " + problems + " with damaged or missing files"));
    }

    /** Saves {@code note} into the run folder, then updates the row. */
    public void saveNote(RunSummary run, String note, Consumer<Boolean> done) {
        CompletableFuture.runAsync(() -> {
            try {
                RunIndex.writeNote(run.folder(), note);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, worker).whenComplete((ok, error) -> Platform.runLater(() -> {
            if (error != null) {
                message.set("Note not saved: " + rootMessage(error));
                done.accept(false);
                return;
            }
            int index = indexOf(run);
            if (index >= 0) {
                runs.set(index, runs.get(index).withNote(note == null ? "" : note.strip()));
            }
            message.set("Note saved in " + run.folder().getFileName() + "/" + RunIndex.NOTE_FILE);
            done.accept(true);
        }));
    }

    /** Deletes the runs the user confirmed; the rows of the deleted ones go, the others stay with a message. */
    public void delete(List<RunSummary> confirmed, Runnable done) {
        List<RunSummary> targets = List.copyOf(confirmed);
        CompletableFuture.supplyAsync(() -> {
            List<RunSummary> deleted = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (RunSummary run : targets) {
                try {
                    RunIndex.delete(run.folder(), true);
                    deleted.add(run);
                } catch (IOException | RuntimeException e) {
                    failures.add(run.name() + ": " + e.getMessage());
                }
            }
            return new Deletion(deleted, failures);
        }, worker).whenComplete((result, error) -> Platform.runLater(() -> {
            if (error != null) {
                message.set("Delete failed: " + rootMessage(error));
            } else {
                runs.removeIf(r -> result.deleted().stream().anyMatch(d -> d.folder().equals(r.folder())));
                message.set("Deleted " + result.deleted().size() + (result.deleted().size() == 1 ? " run" : " runs")
                        + (result.failures().isEmpty() ? "" : "; not deleted: " + String.join("; ", result.failures())));
            }
            done.run();
        }));
    }

    private record Deletion(List<RunSummary> deleted, List<String> failures) {
    }

    /** Runs {@code task} on the background thread and reports its outcome in the message line. */
    public void inBackground(String doneMessage, IoTask task) {
        inBackground(doneMessage, task, message::set);
    }

    /** Runs {@code task} on the background thread and hands its outcome, in words, to {@code report} on the FX thread. */
    public void inBackground(String doneMessage, IoTask task, Consumer<String> report) {
        CompletableFuture.runAsync(() -> {
            try {
                task.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, worker).whenComplete((ok, error) -> Platform.runLater(() ->
                report.accept(error == null ? doneMessage : "Failed: " + rootMessage(error))));
    }

    /** Blocking file work for {@link #inBackground}. */
    @FunctionalInterface
    public interface IoTask {
        void run() throws IOException;
    }

    private int indexOf(RunSummary run) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).folder().equals(run.folder())) {
                return i;
            }
        }
        return -1;
    }

    private void applyFilter(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            filtered.setPredicate(r -> true);
            return;
        }
        List<String> columns = differingParameters.get();
        filtered.setPredicate(r -> searchText(r, columns).contains(needle));
    }

    /** Everything a row shows plus all its findings, lower-cased, so the filter matches what the user sees. */
    static String searchText(RunSummary r, List<String> parameters) {
        StringBuilder text = new StringBuilder(128).append(r.name()).append(' ').append(r.status()).append(' ')
                .append(r.engine()).append(' ').append(r.collapsed() ? "collapsed " + r.collapsedOnto() : "").append(' ')
                .append(r.topFinding()).append(' ').append(r.note());
        for (String path : parameters) {
            text.append(' ').append(path).append('=').append(r.parameter(path));
        }
        // every finding, not only the top one: "which runs warned about class imbalance?"
        text.append(' ').append(r.findingsText());
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
