package org.collapselab.core.experiment.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.collapselab.core.util.CancellationToken;

/**
 * Runs a sweep into its folder, or continues one: writes sweep.json, plans the trials, skips those whose row is in
 * trials.csv, redoes those whose folder was left half-written, runs the rest on the executor rung by rung, then
 * writes sweep.html. Blocking; call from a worker thread. A second process on the same folder is refused.
 */
public final class SweepRunner {
    private static final String LOCK = ".sweep.lock";

    private SweepRunner() {
    }

    public static SweepOutcome run(SweepSpec spec, Path folder, TrialExecutor executor, TrialWork work,
                                   SweepListener listener, CancellationToken cancel) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IOException("another process is running the sweep in " + folder);
            }
            if (!Files.exists(folder.resolve(SweepSpec.FILE))) {
                spec.write(folder);
            }
            try (TrialsCsv csv = TrialsCsv.open(folder, spec.parameterPaths())) {
                boolean complete = runRungs(spec, folder, executor, work, listener, cancel, csv);
                return finish(spec, folder, csv.rows(), complete);
            }
        }
    }

    private static boolean runRungs(SweepSpec spec, Path folder, TrialExecutor executor, TrialWork work,
                                    SweepListener listener, CancellationToken cancel, TrialsCsv csv)
            throws IOException, InterruptedException {
        Map<Integer, TrialResult> done = new HashMap<>();
        for (TrialResult row : csv.rows()) {
            done.put(row.trial(), row);
        }
        List<Map<String, String>> configurations = SweepPlan.configurations(spec);
        List<SweepPlan.Rung> rungs = SweepPlan.rungs(spec, configurations.size());
        List<Map<String, String>> alive = configurations;
        int next = 1;
        for (int r = 0; r < rungs.size(); r++) {
            SweepPlan.Rung rung = rungs.get(r);
            List<Trial> trials = new ArrayList<>();
            for (Map<String, String> parameters : alive) {
                trials.add(new Trial(next++, r, rung.epochs(), parameters));
            }
            List<Trial> toRun = new ArrayList<>();
            for (Trial trial : trials) {
                TrialResult row = done.get(trial.index());
                if (row == null) {
                    toRun.add(trial);
                } else if (!row.parameters().equals(trial.parameters()) || row.epochs() != trial.epochs()) {
                    throw new IOException("trials.csv row " + trial.index() + " " + row.parameters()
                            + " does not match the plan of sweep.json " + trial.parameters() + "; was sweep.json edited?");
                }
            }
            for (Trial trial : toRun) {
                deleteHalfWrittenFolder(folder.resolve(trial.folderName()));
            }
            listener.rungStarted(r, rung.epochs(), toRun, trials.size() - toRun.size());
            executor.run(toRun, work, result -> {
                try {
                    csv.append(result);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                listener.trialFinished(result);
            }, cancel);
            for (TrialResult row : csv.rows()) {
                done.put(row.trial(), row);
            }
            if (cancel.isCancelled() || trials.stream().anyMatch(t -> !done.containsKey(t.index()))) {
                return false;
            }
            if (r + 1 < rungs.size()) {
                alive = promote(spec.objective(), trials, done, rungs.get(r + 1).configurations());
            }
        }
        return true;
    }

    /** The best {@code keep} configurations of a rung, in their original order (so trial numbers are stable). */
    static List<Map<String, String>> promote(Objective objective, List<Trial> trials, Map<Integer, TrialResult> done, int keep) {
        List<TrialResult> ranked = trials.stream().map(t -> done.get(t.index())).sorted(objective.ranking()).toList();
        List<Integer> kept = ranked.subList(0, Math.min(keep, ranked.size())).stream().map(TrialResult::trial).sorted().toList();
        return kept.stream().map(index -> done.get(index).parameters()).toList();
    }

    /** Builds the outcome from the rows and writes sweep.html; also used to re-render a finished sweep. */
    public static SweepOutcome finish(SweepSpec spec, Path folder, List<TrialResult> rows, boolean complete)
            throws IOException {
        List<TrialResult> finals = finals(rows);
        TrialResult best = finals.stream().filter(spec.objective()::usable).min(spec.objective().ranking()).orElse(null);
        int configurations = SweepPlan.configurations(spec).size();
        List<SweepPlan.Rung> rungs = SweepPlan.rungs(spec, configurations);
        String summary = SweepSummary.describe(spec, finals);
        SweepOutcome outcome = new SweepOutcome(folder, rows, finals, best, summary, SweepPlan.trialEpochs(rungs),
                configurations * spec.maxEpochs(), complete);
        SweepHtml.write(spec, outcome, folder.resolve(SweepHtml.FILE));
        return outcome;
    }

    /** The row of each configuration's highest rung, in the order the configurations were first tried. */
    static List<TrialResult> finals(List<TrialResult> rows) {
        Map<Map<String, String>, TrialResult> last = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingInt(TrialResult::trial)).forEach(row -> {
            TrialResult previous = last.get(row.parameters());
            if (previous == null || row.rung() >= previous.rung()) {
                last.put(row.parameters(), row);
            }
        });
        return new ArrayList<>(last.values());
    }

    private static void deleteHalfWrittenFolder(Path trialFolder) throws IOException {
        if (!Files.exists(trialFolder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(trialFolder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
