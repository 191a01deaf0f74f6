package org.collapselab.core.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trials.csv bookkeeping, resume, failures, halving and stop, with trials that do not train (fast). */
class SweepResumeTest {

    static SweepSpec spec(boolean halving, int epochs, String... params) throws Exception {
        ExperimentConfig base = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("training.epochs=" + epochs));
        return new SweepSpec(SweepSpec.SCHEMA, "t", "/nowhere", "auto", base, SweepSpecParser.parse(base, List.of(params)),
                SweepSpec.GRID, 0, 1, Objective.BALANCED_ACCURACY, halving, 3, 1);
    }

    /** A trial "scores" higher the closer its learning rate is to 1e-3; collapses above 3e-3 without class weights. */
    static TrialResult scored(Trial t) {
        double lr = Double.parseDouble(t.parameters().getOrDefault("training.learningRate", "1e-3"));
        boolean weighted = "class-weights".equals(t.parameters().get("data.balance"));
        boolean collapsed = lr > 3e-3 && !weighted;
        double score = collapsed ? 1 / 3.0 : 0.9 - Math.abs(Math.log10(lr) + 3) * 0.1 + t.epochs() * 0.001;
        return new TrialResult(t.index(), t.rung(), t.epochs(), t.parameters(), TrialResult.COMPLETED, score, score,
                0.8, score, 0.5, collapsed, collapsed ? "circle" : "", collapsed ? "collapsed-predictions" : "", 0.1,
                t.folderName(), "");
    }

    /** Counts the trials it runs and writes a marker file into each trial folder, as a run would. */
    static final class FakeWork implements TrialWork {
        final Path folder;
        final List<Integer> ran = Collections.synchronizedList(new ArrayList<>());

        FakeWork(Path folder) {
            this.folder = folder;
        }

        @Override
        public TrialResult run(Trial trial, CancellationToken cancel) {
            ran.add(trial.index());
            try {
                Files.createDirectories(folder.resolve(trial.folderName()));
                Files.writeString(folder.resolve(trial.folderName()).resolve("report.json"), "{}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return scored(trial);
        }
    }

    @Test
    void resumeAfterACrashRedoesOnlyTheUnfinishedTrials(@TempDir Path dir) throws Exception {
        SweepSpec spec = spec(false, 4, "training.learningRate=1e-4,1e-3,1e-2", "data.balance=none,class-weights");
        spec.write(dir);
        List<Map<String, String>> grid = SweepPlan.configurations(spec);
        // The crash: trials 1 and 2 finished (rows on disk), trial 3 left a half-written folder and half a row.
        try (TrialsCsv csv = TrialsCsv.open(dir, spec.parameterPaths())) {
            csv.append(scored(new Trial(1, 0, 4, grid.get(0))));
            csv.append(scored(new Trial(2, 0, 4, grid.get(1))));
        }
        Files.createDirectories(dir.resolve("trial-003"));
        Files.writeString(dir.resolve("trial-003/metrics.csv"), "epoch,trainLoss\n1,0.9\n");
        Files.writeString(dir.resolve("trials.csv"), "3,0,4,1e-3,no", StandardOpenOption.APPEND);
        assertEquals(2, TrialsCsv.read(dir, spec.parameterPaths()).size(), "the cut-off row does not count");

        FakeWork work = new FakeWork(dir);
        SweepOutcome outcome = SweepRunner.run(SweepSpec.read(dir), dir, new LocalTrialExecutor(2), work,
                SweepListener.NONE, CancellationToken.none());

        List<Integer> ran = new ArrayList<>(work.ran);
        Collections.sort(ran);
        assertEquals(List.of(3, 4, 5, 6), ran, "finished trials are not redone");
        assertFalse(Files.exists(dir.resolve("trial-003/metrics.csv")), "the half-written folder was redone from scratch");
        List<TrialResult> rows = TrialsCsv.read(dir, spec.parameterPaths());
        assertEquals(6, rows.size());
        assertEquals(6, rows.stream().map(TrialResult::trial).distinct().count(), "no trial twice");
        assertTrue(outcome.complete());
        String text = Files.readString(dir.resolve("trials.csv"), StandardCharsets.UTF_8);
        assertFalse(text.contains("3,0,4,1e-3,no\n") || text.contains(",no3,"), "the torn row is gone: " + text);

        // A second resume of a finished sweep runs nothing.
        FakeWork again = new FakeWork(dir);
        SweepRunner.run(SweepSpec.read(dir), dir, new LocalTrialExecutor(2), again, SweepListener.NONE, CancellationToken.none());
        assertTrue(again.ran.isEmpty());
    }

    @Test
    void aFailingTrialIsRecordedWithItsReasonAndTheSweepGoesOn(@TempDir Path dir) throws Exception {
        SweepSpec spec = spec(false, 2, "training.learningRate=1e-3,1e-2,1e-1");
        RunTrialWork.DataSource data = (config, cancel) -> {
            double lr = config.training().learningRate();
            if (lr == 1e-2) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new IllegalStateException("native op failed at lr " + lr);
        };
        SweepOutcome outcome = SweepRunner.run(spec, dir, new LocalTrialExecutor(1),
                new RunTrialWork(spec, dir, () -> null, data, t -> null), SweepListener.NONE, CancellationToken.none());
        List<TrialResult> rows = TrialsCsv.read(dir, spec.parameterPaths());
        assertEquals(3, rows.size(), "every trial recorded");
        assertTrue(rows.stream().allMatch(r -> r.status().equals(TrialResult.FAILED)));
        assertEquals("out of memory: Java heap space", rows.get(1).reason());
        assertTrue(rows.get(2).reason().contains("native op failed at lr 0.1"), rows.get(2).reason());
        assertNull(outcome.best());
        assertTrue(outcome.summary().startsWith("No trial trained"), outcome.summary());
        assertTrue(Files.readString(dir.resolve("sweep.html")).contains("out of memory"));
    }

    @Test
    void halvingPromotesTheBestThirdAndCountsTheBudget(@TempDir Path dir) throws Exception {
        SweepSpec spec = spec(true, 9, "training.learningRate=log:1e-5..1e-1:5", "data.balance=none,class-weights");
        FakeWork work = new FakeWork(dir);
        SweepOutcome outcome = SweepRunner.run(spec, dir, new LocalTrialExecutor(2), work, SweepListener.NONE,
                CancellationToken.none());
        assertEquals(10 + 3 + 1, work.ran.size());
        List<TrialResult> rows = outcome.rows();
        List<TrialResult> rung1 = rows.stream().filter(r -> r.rung() == 1).toList();
        assertEquals(3, rung1.size());
        assertTrue(rung1.stream().allMatch(r -> r.epochs() == 3));
        // The three best at rung 0 are lr 1e-3 (both balances) and lr 1e-4 or 1e-2 with class weights.
        assertTrue(rung1.stream().filter(r -> r.parameters().get("training.learningRate").equals("0.001")).count() == 2, rung1.toString());
        TrialResult last = rows.stream().filter(r -> r.rung() == 2).findFirst().orElseThrow();
        assertEquals(9, last.epochs());
        assertEquals("0.001", last.parameters().get("training.learningRate"));
        assertEquals(last.trial(), outcome.best().trial());
        assertEquals(28, outcome.plannedTrialEpochs());
        assertEquals(90, outcome.fullGridTrialEpochs());
        assertEquals(62, outcome.savedTrialEpochs());
        assertEquals(10, outcome.finals().size(), "one final row per configuration");
    }

    @Test
    void stopKeepsFinishedTrialsAndResumeCompletesTheHalvingWithoutRepeats(@TempDir Path dir) throws Exception {
        SweepSpec spec = spec(true, 9, "training.learningRate=log:1e-5..1e-1:5", "data.balance=none,class-weights");
        CancellationToken stop = new CancellationToken();
        AtomicInteger calls = new AtomicInteger();
        FakeWork inner = new FakeWork(dir);
        TrialWork stopping = (trial, cancel) -> {
            if (calls.incrementAndGet() == 12) {
                stop.cancel(); // Stop pressed while the 12th trial runs: it ends "stopped" and is not recorded
                TrialResult r = TrialResult.failed(trial, "stopped", 0);
                return new TrialResult(r.trial(), r.rung(), r.epochs(), r.parameters(), "stopped", Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, false, "", "", 0, r.runFolder(), "stopped");
            }
            return inner.run(trial, cancel);
        };
        SweepOutcome stopped = SweepRunner.run(spec, dir, new LocalTrialExecutor(1), stopping, SweepListener.NONE, stop);
        assertFalse(stopped.complete());
        assertEquals(11, stopped.rows().size(), "10 of rung 0 and 1 of rung 1 finished");

        FakeWork resumed = new FakeWork(dir);
        SweepOutcome done = SweepRunner.run(SweepSpec.read(dir), dir, new LocalTrialExecutor(1), resumed,
                SweepListener.NONE, CancellationToken.none());
        assertTrue(done.complete());
        assertEquals(3, resumed.ran.size(), "the two unfinished trials of rung 1 and the last rung");
        assertEquals(14, done.rows().size());
        assertEquals(14, done.rows().stream().map(TrialResult::trial).distinct().count());
    }
}
