package org.collapselab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.experiment.spark.SparkTrialExecutor;
import org.collapselab.core.experiment.spark.SparkTrials;
import org.collapselab.core.experiment.sweep.LocalTrialExecutor;
import org.collapselab.core.experiment.sweep.Objective;
import org.collapselab.core.experiment.sweep.RunTrialWork;
import org.collapselab.core.experiment.sweep.SweepListener;
import org.collapselab.core.experiment.sweep.SweepOutcome;
import org.collapselab.core.experiment.sweep.SweepParameter;
import org.collapselab.core.experiment.sweep.SweepPlan;
import org.collapselab.core.experiment.sweep.SweepRunner;
import org.collapselab.core.experiment.sweep.SweepSpec;
import org.collapselab.core.experiment.sweep.SweepSpecParser;
import org.collapselab.core.experiment.sweep.Trial;
import org.collapselab.core.experiment.sweep.TrialResult;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep}: many runs over a grid or random draws of config values, and the map of where the model collapses. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train one run per combination of config values (each a normal run folder under the sweep folder), "
                + "write trials.csv as trials end and sweep.html with the collapse map, and say where the model collapses.",
                "Example: sweep --data sample-data/shapes-imbalanced --config sample-data/scenarios/imbalance.json "
                        + "--param training.learningRate=log:1e-4..1e-1:4 --param data.balance=none,class-weights"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, the best trial did not collapse", "1:done, but every trial that trained collapsed",
                "2:invalid input (usage, parameter spec, config, data)",
                "3:failure while running, no trial finished, or stopped (resume with --resume)"})
final class SweepCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--data", paramLabel = "DIR|FILE.csv",
            description = "Image folder, one sub-folder per class, or a CSV file (not with --resume).")
    Path data;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--param", paramLabel = "PATH=SPEC",
            description = "A swept config field and its values: a list (training.learningRate=1e-4,1e-3,1e-2), a range "
                    + "(log:1e-5..1e-1:5, lin:16..128:4; whole numbers for integer fields) or choices "
                    + "(data.balance=none,class-weights). Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = SweepSpec.GRID,
            description = "grid (every combination, default) or random (--trials draws, seeded by --seed).")
    String strategy;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "10", description = "Draws of the random strategy (default 10).")
    int trials;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "balanced-accuracy",
            description = "What ranks the trials: balanced-accuracy (default), macro-f1 or validation-loss.")
    String objective;

    @Option(names = "--halving", description = "Successive halving: rungs at r, 3r, 9r, ... epochs up to the config's "
            + "epochs; each rung keeps the best third of the previous one.")
    boolean halving;

    @Option(names = "--min-epochs", paramLabel = "R",
            description = "Epochs of the first halving rung (default: the config's epochs / 9, at least 1).")
    Integer minEpochs;

    @Option(names = "--parallel", paramLabel = "K",
            description = "Trials at once, the cores divided between them (default: see LocalTrialExecutor.defaultParallel).")
    Integer parallel;

    @Option(names = "--master", paramLabel = "URL",
            description = "Run the trials as Apache Spark tasks on this master: local[K], spark://host:7077, or 'submit' "
                    + "for the one spark-submit sets. Needs Spark on the class path (spark-submit, or SPARK_HOME/jars).")
    String master;

    @Option(names = "--task-cpus", paramLabel = "N", defaultValue = "1",
            description = "With --master: cores per trial (spark.task.cpus, also the trial's native threads; default 1).")
    int taskCpus;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep folder (default: a new folder under sweeps/).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the sweep in DIR after a crash or kill, as its sweep.json says: finished trials "
                    + "(rows of trials.csv) are kept, the others run.")
    Path resume;

    /** A cluster sweep needs Spark on the class path and broadcasts one decoded dataset. */
    private void checkClusterSweep(SweepSpec spec) throws InvalidInputException {
        if (!SparkTrials.available()) {
            throw new InvalidInputException("--master needs Apache Spark, which the desktop app does not carry. Run the "
                    + "sweep through spark-submit: spark-submit --class org.collapselab.cli.CollapseLabCommand "
                    + "target/collapse-lab.jar sweep ... --master submit (see the README, \"Sweeps on Spark\"), or "
                    + "leave out --master to run the trials on this machine.");
        }
        if (taskCpus < 1) {
            throw new InvalidInputException("--task-cpus must be at least 1, got " + taskCpus);
        }
        for (String path : spec.parameterPaths()) {
            if (path.equals("data.imageSize") || path.equals("data.channels") || path.equals("data.validationPath")) {
                throw new InvalidInputException("--param " + path + ": a cluster sweep decodes the data once and "
                        + "broadcasts it, so it cannot sweep " + path + "; sweep it without --master");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        SweepSpec spec;
        Path folder;
        if (resume != null) {
            if (!params.isEmpty() || data != null || out != null) {
                throw new InvalidInputException("--resume continues the sweep as its sweep.json says; "
                        + "give no --param, --data or --out with it");
            }
            try {
                spec = SweepSpec.read(resume);
            } catch (java.io.IOException e) {
                throw new InvalidInputException("--resume " + resume + ": " + e.getMessage());
            }
            folder = resume;
        } else {
            spec = newSpec();
            folder = out != null ? out : Path.of("sweeps", safe(spec.name()) + "-" + LocalDateTime.now().format(STAMP));
            if (Files.exists(folder.resolve(SweepSpec.FILE))) {
                throw new InvalidInputException(folder + " already holds a sweep; continue it with --resume " + folder);
            }
        }
        ExperimentConfig base = spec.base();
        int cores = Runtime.getRuntime().availableProcessors();
        int k = parallel != null ? parallel : LocalTrialExecutor.defaultParallel(cores, base);
        if (k < 1) {
            throw new InvalidInputException("--parallel must be at least 1, got " + k);
        }
        if (master != null) {
            checkClusterSweep(spec);
        }
        LocalTrialExecutor executor = new LocalTrialExecutor(k);
        List<SweepPlan.Rung> rungs = SweepPlan.rungs(spec, SweepPlan.configurations(spec).size());
        PrintStream console = System.out;
        console.printf("Sweep %s: %d trials (%s), %d trial-epochs, %d at a time with %d native thread%s each; folder %s%n",
                spec.name(), SweepPlan.trialCount(rungs), rungs.stream().map(r -> r.configurations() + "×" + r.epochs() + " epochs")
                        .collect(Collectors.joining(" then ")), SweepPlan.trialEpochs(rungs), k,
                executor.threadsPerTrial(base), executor.threadsPerTrial(base) == 1 ? "" : "s", folder.toAbsolutePath());

        CancellationToken cancel = new CancellationToken();
        Map<String, ImageDataset[]> loaded = new HashMap<>();
        Path dataRoot = Path.of(spec.data());
        boolean csv = TableExperiment.isCsv(dataRoot);
        Map<String, TableDataset> tables = new HashMap<>();
        RunTrialWork.TableSource rows = config -> {
            // One read per way of reading the file (kind, label column, missing values, channels).
            String key = config.data().kind() + ":" + config.data().labelColumn() + ":" + config.data().missing() + ":"
                    + config.data().sequenceChannels();
            synchronized (tables) {
                TableDataset table = tables.get(key);
                if (table == null) {
                    table = TableExperiment.load(dataRoot, config);
                    tables.put(key, table);
                }
                return table;
            }
        };
        RunTrialWork.DataSource images = (config, c) -> {
            String key = config.data().imageSize() + "x" + config.data().channels() + ":" + config.data().validationPath();
            synchronized (loaded) {
                ImageDataset[] pair = loaded.get(key);
                if (pair == null) {
                    ExperimentService service = new ExperimentService(Engines.named(spec.engine()), folder);
                    ImageDataset train = DataLoading.load(service, dataRoot, config, c);
                    pair = new ImageDataset[]{train,
                            service.loadValidation(config, train, org.collapselab.core.util.ProgressObserver.NONE, c)};
                    loaded.put(key, pair);
                }
                return pair;
            }
        };
        // Fail on bad data before any trial starts, as train does.
        RunTrialWork work;
        if (csv) {
            rows.load(base);
            work = RunTrialWork.onTable(spec, folder, rows, trial -> TrainingObserver.NONE);
        } else {
            images.load(base, cancel);
            work = new RunTrialWork(spec, folder, () -> Engines.named(spec.engine()), images,
                    trial -> TrainingObserver.NONE);
        }
        SweepListener listener = new SweepListener() {
            @Override
            public void rungStarted(int rung, int epochs, List<Trial> toRun, int skipped) {
                console.printf("Rung %d: %d trial%s of %d epochs%s%n", rung, toRun.size(), toRun.size() == 1 ? "" : "s",
                        epochs, skipped > 0 ? " (" + skipped + " already finished)" : "");
            }

            @Override
            public void trialFinished(TrialResult r) {
                console.println(line(spec, r));
            }
        };

        long start = System.nanoTime();
        SweepOutcome outcome;
        if (master == null) {
            outcome = StopOnInterrupt.run(cancel, () -> SweepRunner.run(spec, folder, executor, work, listener, cancel));
        } else {
            ImageDataset[] pair = csv ? null : images.load(base, cancel);
            try (SparkTrials spark = new SparkTrials(master.equals("submit") ? null : master, taskCpus)) {
                console.printf("On Spark %s: %d trial%s at once, %d core%s each%n", spark.master(),
                        spark.concurrentTrials(), spark.concurrentTrials() == 1 ? "" : "s", taskCpus,
                        taskCpus == 1 ? "" : "s");
                // A CSV file travels as it is and each trial reads it; images travel decoded.
                SparkTrialExecutor cluster = csv ? SparkTrialExecutor.onCsv(spark, spec, folder, dataRoot)
                        : new SparkTrialExecutor(spark, spec, folder, pair[0], pair[1]);
                outcome = StopOnInterrupt.run(cancel, () -> SweepRunner.run(spec, folder, cluster, work, listener, cancel));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
        }
        console.println();
        console.println(outcome.summary());
        if (spec.halving()) {
            console.printf("Successive halving: %d trial-epochs planned against %d for every configuration at %d epochs "
                    + "(%d saved)%n", outcome.plannedTrialEpochs(), outcome.fullGridTrialEpochs(), spec.maxEpochs(),
                    outcome.savedTrialEpochs());
        }
        console.printf("Wall time %.1f s; trials.csv and sweep.html in %s%n", (System.nanoTime() - start) / 1e9,
                folder.toAbsolutePath());
        if (!outcome.complete()) {
            System.err.println("stopped; continue with: sweep --resume " + folder);
            return ExitCodes.FAILURE;
        }
        if (outcome.best() == null) {
            System.err.println("error: no trial finished training");
            return ExitCodes.FAILURE;
        }
        return outcome.best().collapsed() ? ExitCodes.CRITICAL_FINDING : ExitCodes.OK;
    }

    private SweepSpec newSpec() throws Exception {
        if (data == null) {
            throw new InvalidInputException("--data DIR is required (or --resume DIR)");
        }
        if (params.isEmpty()) {
            throw new InvalidInputException("give at least one --param PATH=SPEC, e.g. --param training.learningRate=1e-4,1e-3,1e-2");
        }
        ExperimentConfig base = TableExperiment.isCsv(data) ? CsvTraining.resolve(experiment, data) : experiment.resolve();
        List<SweepParameter> parameters = SweepSpecParser.parse(base, params);
        String strategyName = strategy.trim().toLowerCase(Locale.ROOT);
        if (!strategyName.equals(SweepSpec.GRID) && !strategyName.equals(SweepSpec.RANDOM)) {
            throw new InvalidInputException("--strategy: expected grid or random, got '" + strategy + "'");
        }
        if (trials < 1) {
            throw new InvalidInputException("--trials must be at least 1, got " + trials);
        }
        Objective chosen;
        try {
            chosen = Objective.fromJson(objective.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--objective: " + e.getMessage());
        }
        int epochs = base.training().epochs();
        int r = minEpochs != null ? minEpochs : SweepSpec.defaultMinEpochs(epochs, SweepSpec.DEFAULT_ETA);
        if (halving && parameters.stream().anyMatch(p -> p.path().equals("training.epochs"))) {
            throw new InvalidInputException("--param training.epochs: halving sets the epochs of each rung; do not sweep them too");
        }
        if (halving && (r < 1 || r > epochs)) {
            throw new InvalidInputException("--min-epochs must be between 1 and the config's " + epochs + " epochs, got " + r);
        }
        String engineName = experiment.engine != null ? experiment.engine : System.getProperty(Engines.PROPERTY, Engines.AUTO);
        ExperimentOptions.engine(engineName); // refuse an unknown engine now, not in every trial
        return new SweepSpec(SweepSpec.SCHEMA, base.name(), data.toAbsolutePath().toString(), engineName, base, parameters,
                strategyName, trials, base.data().seed(), chosen, halving, SweepSpec.DEFAULT_ETA, r);
    }

    private static String line(SweepSpec spec, TrialResult r) {
        String values = r.parameters().entrySet().stream().map(e -> SweepParameter.label(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String metrics = Double.isNaN(r.objective()) ? r.reason()
                : String.format(Locale.ROOT, "%s %.3f%s", spec.objective().label(), r.objective(),
                r.collapsed() ? ", COLLAPSED" + (r.dominantClass().isEmpty() ? "" : " onto " + r.dominantClass()) : "");
        return String.format(Locale.ROOT, "%s  %-40s %2d ep  %-9s %s  (%.1f s)", r.runFolder(), values, r.epochs(),
                r.status(), metrics, r.seconds());
    }

    private static String safe(String name) {
        return name == null ? "sweep" : name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
