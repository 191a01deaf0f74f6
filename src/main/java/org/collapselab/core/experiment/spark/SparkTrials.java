package org.collapselab.core.experiment.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.NativeThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sweep trials as Apache Spark tasks, one trial per task: the driver broadcasts the decoded dataset once, each
 * task rebuilds it (once per executor JVM), trains one config with the executor's ND4J limited to
 * {@code spark.task.cpus} threads, and sends its run folder back; results reach {@code onResult} as tasks finish. A
 * task that fails is retried by Spark ({@code spark.task.maxFailures}); a trial that fails every attempt comes back
 * with its reason. The web UI is off and a local master binds to 127.0.0.1. Blocking; one sweep at a time.
 */
public final class SparkTrials implements AutoCloseable {
    /** Attempts per task (Spark's default is 4; a local master needs it in its URL). */
    public static final int MAX_FAILURES = 4;
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrials.class);
    /**
     * Datasets rebuilt on this executor JVM, by application and broadcast id (broadcast ids restart with each Spark
     * context, and a local master runs one context after another in the same JVM): every trial of a sweep trains on
     * the same copy, and a new application's first trial drops the copies of the ones before.
     */
    private static final Map<String, ImageDataset> EXECUTOR_DATA = new ConcurrentHashMap<>();
    /** The same for CSV sweeps: the broadcast file written to a temporary folder of this executor. */
    private static final Map<String, Path> EXECUTOR_CSV = new ConcurrentHashMap<>();

    private final JavaSparkContext spark;
    private final int taskCpus;

    /**
     * @param masterOrNull {@code local[K]}, {@code spark://host:port}, …; null takes the master that spark-submit set
     * @param taskCpus     cores per trial ({@code spark.task.cpus}), also the trial's native thread count
     */
    public SparkTrials(String masterOrNull, int taskCpus) {
        this(masterOrNull, taskCpus, Map.of());
    }

    /** @param extraConf further Spark settings (e.g. {@code spark.executor.memory}) */
    public SparkTrials(String masterOrNull, int taskCpus, Map<String, String> extraConf) {
        this.taskCpus = Math.max(1, taskCpus);
        SparkConf conf = conf(masterOrNull, this.taskCpus);
        extraConf.forEach(conf::set);
        this.spark = new JavaSparkContext(conf);
    }

    /** True when Spark's classes are on the class path (spark-submit, or a class path with SPARK_HOME/jars). */
    public static boolean available() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkTrials.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static SparkConf conf(String masterOrNull, int taskCpus) {
        SparkConf conf = new SparkConf().setAppName("collapse-lab-sweep")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.task.cpus", String.valueOf(taskCpus))
                .set("spark.task.maxFailures", String.valueOf(MAX_FAILURES));
        String master = masterOrNull != null ? masterOrNull : conf.get("spark.master", null);
        if (master == null) {
            throw new IllegalArgumentException("no Spark master: pass --master (e.g. local[2]) or start through spark-submit");
        }
        if (masterOrNull != null) {
            conf.setMaster(localWithRetries(masterOrNull));
        }
        if (master.startsWith("local")) {
            // Nothing of a desktop sweep needs to be reachable from another machine.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /** {@code local[K]} retries nothing unless the URL says so: {@code local[K,F]}. */
    static String localWithRetries(String master) {
        if (master.equals("local")) {
            return "local[1," + MAX_FAILURES + "]";
        }
        if (master.startsWith("local[") && master.endsWith("]") && !master.contains(",")) {
            return master.substring(0, master.length() - 1) + "," + MAX_FAILURES + "]";
        }
        return master;
    }

    public String master() {
        return spark.master();
    }

    /** How many trials the cluster runs at once: its default parallelism divided by the cores of one trial. */
    public int concurrentTrials() {
        return Math.max(1, spark.defaultParallelism() / taskCpus);
    }

    /** Trial tasks running on the executors now (for progress, and for tests that kill an executor mid-trial). */
    public int runningTasks() {
        int running = 0;
        for (int stage : spark.statusTracker().getActiveStageIds()) {
            var info = spark.statusTracker().getStageInfo(stage);
            running += info == null ? 0 : info.numActiveTasks();
        }
        return running;
    }

    /**
     * Runs every task and hands each result to {@code onResult} (on the calling thread) as it arrives. Cancelling
     * {@code cancel} cancels the sweep's Spark job group; results already handed over stay.
     *
     * @param validationOrNull a separate validation set, broadcast too
     */
    public void run(ImageDataset data, ImageDataset validationOrNull, List<SparkTrialTask> tasks,
                    Consumer<SparkTrialResult> onResult, CancellationToken cancel) throws InterruptedException {
        Broadcast<BroadcastDataset> train = spark.broadcast(BroadcastDataset.of(data));
        Broadcast<BroadcastDataset> validation = validationOrNull == null ? null
                : spark.broadcast(BroadcastDataset.of(validationOrNull));
        int threads = taskCpus;
        submit(tasks, t -> runTrial(t, train, validation, threads), onResult, cancel, () -> {
            train.destroy();
            if (validation != null) {
                validation.destroy();
            }
        });
    }

    /**
     * As {@link #run} for a sweep on a CSV file: the file's bytes are broadcast, and each executor writes them to a
     * temporary file once and reads it for each trial as that trial's config says.
     */
    public void runOnCsv(Path csv, List<SparkTrialTask> tasks, Consumer<SparkTrialResult> onResult,
                         CancellationToken cancel) throws InterruptedException, IOException {
        Broadcast<BroadcastCsv> file = spark.broadcast(BroadcastCsv.of(csv));
        int threads = taskCpus;
        submit(tasks, t -> runCsvTrial(t, file, threads), onResult, cancel, file::destroy);
    }

    private void submit(List<SparkTrialTask> tasks,
                        org.apache.spark.api.java.function.Function<SparkTrialTask, SparkTrialResult> trial,
                        Consumer<SparkTrialResult> onResult, CancellationToken cancel, Runnable release)
            throws InterruptedException {
        String group = "collapse-lab-sweep-" + System.nanoTime();
        spark.setJobGroup(group, "Collapse Lab sweep", true);
        List<Pending> pending = new ArrayList<>();
        for (SparkTrialTask task : tasks) {
            JavaFutureAction<List<SparkTrialResult>> future = spark.parallelize(List.of(task), 1)
                    .map(trial)
                    .collectAsync();
            pending.add(new Pending(task, future));
        }
        try {
            while (!pending.isEmpty()) {
                if (cancel.isCancelled()) {
                    spark.cancelJobGroup(group);
                    return;
                }
                for (var it = pending.iterator(); it.hasNext(); ) {
                    Pending p = it.next();
                    if (p.future().isDone()) {
                        it.remove();
                        onResult.accept(collect(p));
                    }
                }
                Thread.sleep(50);
            }
        } finally {
            spark.clearJobGroup();
            release.run();
        }
    }

    private static SparkTrialResult collect(Pending p) {
        try {
            return p.future().get(1, TimeUnit.SECONDS).get(0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new SparkTrialResult(p.task().id(), null, "failed on every attempt: " + firstLine(cause), null, -1);
        } catch (TimeoutException | java.util.concurrent.CancellationException e) {
            return new SparkTrialResult(p.task().id(), null, "cancelled", null, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SparkTrialResult(p.task().id(), null, "interrupted", null, -1);
        }
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Executor side: one trial into a temporary run folder, sent back zipped. */
    static SparkTrialResult runTrial(SparkTrialTask task, Broadcast<BroadcastDataset> train,
                                     Broadcast<BroadcastDataset> validation, int threads) throws Exception {
        String app = SparkEnv.get() == null ? "?" : SparkEnv.get().conf().getAppId();
        EXECUTOR_DATA.keySet().removeIf(key -> !key.startsWith(app + ":"));
        ImageDataset data = EXECUTOR_DATA.computeIfAbsent(app + ":" + train.id(), id -> train.value().toDataset());
        ImageDataset validationData = validation == null ? null
                : EXECUTOR_DATA.computeIfAbsent(app + ":" + validation.id(), id -> validation.value().toDataset());
        ExperimentConfig config = ConfigCodec.parse(task.configJson());
        return runInTemporaryFolder(task, threads, (folder, cancel) -> new ExperimentRunner(Engines.defaultEngine())
                .run(config, data, validationData, folder, TrainingObserver.NONE, cancel));
    }

    /** Executor side of a CSV sweep: the file written once per executor JVM, read as the trial's config says. */
    static SparkTrialResult runCsvTrial(SparkTrialTask task, Broadcast<BroadcastCsv> file, int threads) throws Exception {
        String app = SparkEnv.get() == null ? "?" : SparkEnv.get().conf().getAppId();
        EXECUTOR_CSV.keySet().removeIf(key -> !key.startsWith(app + ":"));
        Path csv = EXECUTOR_CSV.computeIfAbsent(app + ":" + file.id(), id -> {
            try {
                return file.value().writeToTemporaryFolder();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ExperimentConfig config = ConfigCodec.parse(task.configJson());
        return runInTemporaryFolder(task, threads, (folder, cancel) ->
                TableExperiment.run(config, TableExperiment.load(csv, config), folder, TrainingObserver.NONE, cancel));
    }

    /** One trial's training, into the run folder it is given. */
    @FunctionalInterface
    private interface TrialRun {
        void run(Path folder, CancellationToken cancel) throws Exception;
    }

    private static SparkTrialResult runInTemporaryFolder(SparkTrialTask task, int threads, TrialRun training)
            throws Exception {
        Path folder = Files.createTempDirectory("collapse-lab-trial-");
        String executor = SparkEnv.get() == null ? "?" : SparkEnv.get().executorId();
        TaskContext context = TaskContext.get();
        LOG.info("trial {} on executor {} (attempt {})", task.id(), executor,
                context == null ? 0 : context.attemptNumber());
        CancellationToken cancel = new CancellationToken();
        if (context != null) {
            // A cancelled job group kills its tasks; training stops at the next minibatch, not at an interrupt.
            Thread watcher = new Thread(() -> {
                while (!cancel.isCancelled() && !context.isCompleted()) {
                    if (context.isInterrupted()) {
                        cancel.cancel();
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "trial-" + task.id() + "-cancel-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        try (NativeThreads.Limit ignored = NativeThreads.limit(threads)) {
            training.run(folder, cancel);
            return new SparkTrialResult(task.id(), zip(folder, task.keepModel()), null, executor,
                    context == null ? 0 : context.attemptNumber());
        } finally {
            deleteTree(folder);
        }
    }

    private static byte[] zip(Path folder, boolean keepModel) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".lock") || (!keepModel && name.equals(RunRecorder.MODEL_FILE))) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(name));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the trial folder {}: {}", folder, e.toString());
        }
    }

    @Override
    public void close() {
        spark.close();
    }

    private record Pending(SparkTrialTask task, JavaFutureAction<List<SparkTrialResult>> future) {
    }
}
