package org.collapselab.core.diagnostics;

import org.collapselab.core.training.BudgetExhaustedException;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.TrialCounts;
import org.collapselab.core.util.CpuClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
import org.collapselab.core.util.ProgressObserver;

/**
 * The guided walkthrough: the ordered checks, the current step, and a {@link StepResult}
 * per step. The GUI stepper binds to it (through its own observable wrapper); the CLI calls
 * {@link #runAll}. Running methods block and belong on one worker thread; the getters are safe from any
 * thread. Observers are called on the worker thread.
 */
public final class DiagnosticSession {
    /** Notified when a step changes state or the current step moves. */
    public interface Observer {
        default void stepChanged(int index, DiagnosticCheck check, StepResult result) { }

        default void currentChanged(int index) { }

        default void progress(int index, long done, long total, String message) { }
    }

    /** The name a step gives the run it examined when that run has no run folder. */
    public static final String UNSAVED_RUN = "the session's monitored run (not saved)";

    private final List<DiagnosticCheck> checks;
    private final DiagnosticContext context;
    private final StepResult[] results;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private volatile int current;
    private volatile StepWork rankingWork;

    public DiagnosticSession(List<DiagnosticCheck> checks, DiagnosticContext context) {
        this.checks = List.copyOf(checks);
        this.context = context;
        this.results = new StepResult[this.checks.size()];
        java.util.Arrays.fill(results, StepResult.PENDING);
    }

    public void addObserver(Observer observer) {
        observers.add(observer);
    }

    public List<DiagnosticCheck> checks() { return checks; }
    public DiagnosticContext context() { return context; }
    public int size() { return checks.size(); }
    public int current() { return current; }
    public boolean finished() { return current >= checks.size(); }

    public synchronized StepResult result(int index) {
        return results[index];
    }

    public CheckState state(int index) {
        return result(index).state();
    }

    /** Moves to the next step without running the current one (it keeps its state). */
    public void next() {
        moveTo(current + 1);
    }

    /** Marks the current step skipped and moves on. */
    public void skip() {
        if (finished()) {
            return;
        }
        set(current, new StepResult(CheckState.SKIPPED, List.of(), "skipped by the user", 0));
        next();
    }

    public void moveTo(int index) {
        current = Math.max(0, Math.min(checks.size(), index));
        for (Observer o : observers) {
            o.currentChanged(current);
        }
    }

    /** Runs the current step (again, if it ran before) and stays on it. Blocking. */
    public StepResult runCurrent(CancellationToken cancel) {
        return finished() ? null : run(current, cancel);
    }

    /** Runs every step from the current one to the end, moving along. Stops early when cancelled. Blocking. */
    public void runAll(CancellationToken cancel) {
        while (!finished()) {
            if (cancel.isCancelled()) {
                for (int i = current; i < checks.size(); i++) {
                    if (results[i].state() == CheckState.PENDING) {
                        set(i, new StepResult(CheckState.SKIPPED, List.of(), "stopped", 0));
                    }
                }
                return;
            }
            CheckState state = results[current].state();
            if (state == CheckState.PENDING || state == CheckState.WAITING) {
                run(current, cancel);
            }
            next();
        }
    }

    /**
     * Runs again the steps that screened without a training run and waited for one, now that a step made it (in Run
     * all and when the user runs that step alone).
     */
    private void runStepsThatWaited(CancellationToken cancel) {
        for (int i = 0; i < checks.size() && !cancel.isCancelled(); i++) {
            if (checks.get(i).readsTrainingRunWhenPresent() && results[i].state() == CheckState.WAITING) {
                run(i, cancel);
            }
        }
    }

    /**
     * Runs step {@code index}; never throws for a failing check. A step that judges the training run waits while
     * there is none, and one that cannot judge these facts is not applicable: neither is ever passed.
     */
    public StepResult run(int index, CancellationToken cancel) {
        DiagnosticCheck check = checks.get(index);
        if (check.readsTrainingRun() && context.trainingResult() == null) {
            return set(index, new StepResult(CheckState.WAITING, List.of(), waitingNote(), 0));
        }
        String why = check.notApplicable(context);
        if (why != null) {
            return set(index, named(check, new StepResult(CheckState.NOT_APPLICABLE, List.of(), why, 0)));
        }
        set(index, new StepResult(CheckState.RUNNING, List.of(), null, 0));
        context.clearCharts(check.id());
        long start = System.nanoTime();
        long cpuStart = CpuClock.processNanos();
        TrialCounts countsBefore = counts();
        TrainingResult runBefore = context.trainingResult();
        ProgressObserver progress = (done, total, message) -> {
            for (Observer o : observers) {
                o.progress(index, done, total, message);
            }
        };
        StepResult result;
        try {
            List<Finding> findings = check.run(context, progress, cancel);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (cancel.isCancelled() && check.active()) {
                result = new StepResult(CheckState.SKIPPED, List.of(), "stopped", seconds);
            } else {
                String waiting = context.waitingNote(check.id());
                result = waiting != null
                        ? new StepResult(CheckState.WAITING, List.of(), waiting + " — " + waitingNote(), seconds,
                                context.charts(check.id()))
                        : new StepResult(findings.isEmpty() ? CheckState.PASSED : CheckState.FOUND, findings, null,
                                seconds, context.charts(check.id()));
            }
        } catch (BudgetExhaustedException e) {
            result = new StepResult(CheckState.SKIPPED, List.of(), e.getMessage(), 0);
        } catch (CancelledException e) {
            result = new StepResult(CheckState.SKIPPED, List.of(), "stopped", (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            result = new StepResult(CheckState.FAILED, List.of(), String.valueOf(e), (System.nanoTime() - start) / 1e9);
        }
        TrialCounts work = counts().minus(countsBefore);
        TrainingResult runAfter = context.trainingResult();
        if (check.producesTrainingRun() && runAfter != null && runAfter != runBefore && context.train() != null) {
            // The monitored run trains outside the trial runner; count it here.
            work = work.plus(TrialCounts.ofRun(runAfter, context.train().count()));
        }
        result = result.withWork(new StepWork((System.nanoTime() - start) / 1e9, CpuClock.secondsSince(cpuStart), work));
        StepResult done = set(index, named(check, result));
        if (check.producesTrainingRun() && context.trainingResult() != null) {
            runStepsThatWaited(cancel);
        }
        return done;
    }

    private TrialCounts counts() {
        return context.trials() == null ? TrialCounts.NONE : context.trials().counts();
    }

    /** What the last cause ranking cost (its trials), or null before one ran. */
    public StepWork rankingWork() {
        return rankingWork;
    }

    /**
     * Judges {@code result} (a finished run of the session's config and data, named {@code name}) instead of the
     * run so far: the steps that made or judged the old run go back to pending. Call when no step is running.
     */
    public void useTrainingRun(TrainingResult result, String name) {
        context.trainingRun(result, name);
        for (int i = 0; i < checks.size(); i++) {
            DiagnosticCheck check = checks.get(i);
            if ((check.readsTrainingRun() || check.readsTrainingRunWhenPresent() || check.producesTrainingRun())
                    && result(i).state() != CheckState.PENDING) {
                set(i, StepResult.PENDING);
            }
        }
    }

    /** "run 2026-12-03-…" for the steps that made or judged the training run; others unchanged. */
    private StepResult named(DiagnosticCheck check, StepResult result) {
        if (!(check.readsTrainingRun() || check.readsTrainingRunWhenPresent() || check.producesTrainingRun())
                || context.trainingResult() == null) {
            return result;
        }
        String name = context.trainingRunName();
        return result.withRun(name != null ? name : UNSAVED_RUN);
    }

    /** What a step that judges the training run says while there is none: which step makes one. */
    private String waitingNote() {
        return checks.stream().filter(DiagnosticCheck::producesTrainingRun).findFirst()
                .map(c -> "waiting for a training run (step “" + c.title() + "” makes one)")
                .orElse("waiting for a training run");
    }

    /**
     * Cause ranking over the findings so far: short trial runs of the proposed fixes, ranked by their
     * gain in balanced accuracy (see {@link CauseRanker}). Blocking; within the context's budget.
     */
    public List<Finding> rankCauses(ProgressObserver progress, CancellationToken cancel) {
        long start = System.nanoTime();
        long cpuStart = CpuClock.processNanos();
        TrialCounts before = counts();
        try {
            return CauseRanker.rank(findings(), phases(), context, progress, cancel);
        } finally {
            rankingWork = new StepWork((System.nanoTime() - start) / 1e9, CpuClock.secondsSince(cpuStart),
                    counts().minus(before));
        }
    }

    /** All findings so far, in step order. */
    public synchronized List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        for (StepResult r : results) {
            all.addAll(r.findings());
        }
        return all;
    }

    /** The phase of the check that reported each finding id first (for ranking ties). */
    public synchronized java.util.Map<String, Phase> phases() {
        java.util.Map<String, Phase> phases = new java.util.HashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            for (Finding f : results[i].findings()) {
                phases.putIfAbsent(f.id(), checks.get(i).phase());
            }
        }
        return phases;
    }

    private StepResult set(int index, StepResult result) {
        synchronized (this) {
            results[index] = result;
        }
        for (Observer o : observers) {
            o.stepChanged(index, checks.get(index), result);
        }
        return result;
    }
}
