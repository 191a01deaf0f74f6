package org.collapselab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.JitMode;
import org.collapselab.core.util.Json;
import org.collapselab.core.util.ProgressObserver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the reference CNN on a folder, printing the same JSON fields as
 * {@code shared/perf/torch_ref.py} (random 80/20 split, Adam 1e-3, batch 32); on a CSV file, {@link CsvBench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark loading, training and inference of the reference CNN; prints one JSON line "
                + "comparable with torch_ref.py.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR|FILE.csv",
            description = "An image folder, or a CSV file (tabular or one series per row, guessed from the header): "
                    + "then the reference MLP or 1-D CNN, with rows/s instead of img/s.")
    Path data;

    @Option(names = "--size", defaultValue = "64", description = "Image size (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--channels", defaultValue = "3", description = "1 or 3 (default ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs; throughput counts those after the first (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--engine", defaultValue = "auto", paramLabel = "NAME",
            description = "auto (SameDiff where it supports the config), samediff or multilayer (default ${DEFAULT-VALUE}).")
    String engineName;

    @Option(names = "--monitoring", description = "Keep the diagnostics listeners on (default off, to measure their overhead).")
    boolean monitoring;

    @Override
    public Integer call() throws Exception {
        if (org.collapselab.core.experiment.TableExperiment.isCsv(data)) {
            System.out.println(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(CsvBench.run(data, epochs)));
            return ExitCodes.OK;
        }
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of(
                "name=bench", "data.imageSize=" + size, "data.channels=" + channels, "training.epochs=" + epochs,
                "data.seed=0"));
        long start = System.nanoTime();
        ImageDataset dataset = new DatasetLoader().load(data, size, channels, ProgressObserver.NONE, new CancellationToken());
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        // Same protocol as torch_ref.py: a random (not stratified) 80/20 split.
        int[] order = shuffled(dataset.count(), 0);
        int cut = (int) (0.8 * order.length);
        DataView train = new DataView(dataset, java.util.Arrays.copyOfRange(order, 0, cut));
        DataView validation = new DataView(dataset, java.util.Arrays.copyOfRange(order, cut, order.length));
        TrainingEngine engine = ExperimentOptions.engine(engineName);
        RunStarted[] started = new RunStarted[1];
        TrainingObserver observer = new TrainingObserver() {
            @Override
            public void onStarted(RunStarted s) {
                started[0] = s;
            }
        };
        TrainingResult result = engine.train(new TrainingRequest(config, train, validation,
                monitoring ? MonitoringOptions.DEFAULT : MonitoringOptions.OFF), observer, new CancellationToken());
        if (result.model() == null) {
            throw new IllegalStateException(result.message());
        }
        List<EpochMetrics> steady = result.epochs().size() > 1 ? result.epochs().subList(1, result.epochs().size())
                : result.epochs();
        double trainSeconds = steady.stream().mapToDouble(EpochMetrics::seconds).sum();
        long inferStart = System.nanoTime();
        int[] predicted = result.model().predict(validation);
        double inferSeconds = (System.nanoTime() - inferStart) / 1e9;
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == validation.label(i) ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        BackendInfo used = started[0] != null ? started[0].backend() : engine.backend();
        out.put("engine", used.engine() + "-" + used.name() + "-" + used.blas() + (used.oneDnn() ? "-onednn" : ""));
        out.put("native_binary", used.nativeBinary() == null ? "none" : used.nativeBinary().split(" ", 2)[0]);
        out.put("images", dataset.count());
        out.put("classes", dataset.classCount());
        out.put("load_s", round(loadSeconds, 3));
        out.put("train_img_per_s", round(train.count() * steady.size() / trainSeconds, 1));
        out.put("infer_img_per_s", round(validation.count() / inferSeconds, 1));
        out.put("val_acc", round((double) correct / Math.max(1, predicted.length), 4));
        out.put("monitoring", monitoring);
        String jit = JitMode.current();
        out.put("jit", jit);
        if (JitMode.TIERED.equals(jit)) {
            System.err.println("note: this JVM runs both JIT compilers; the packaged app and the README's commands add "
                    + JitMode.RECOMMENDED_OPTION + ", which loaded and trained faster on two cores (README, Measured)");
        }
        System.out.println(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(out));
        return ExitCodes.OK;
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        java.util.Arrays.setAll(order, i -> i);
        java.util.Random random = new java.util.Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
