package org.collapselab.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.Json;
import org.collapselab.ui.train.TrainViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time to first feedback, measured on the real window: started with {@code -D}{@value #PROPERTY}{@code =<epoch ms
 * when the command was typed>}, the app drives itself like an eager user and logs one JSON line of seconds, then
 * quits. It waits for the window and the bundled sample, presses Train at once (cold: the first run of a session),
 * stops after the first epoch is drawn, then twice moves the learning-rate slider and presses Train again (warm).
 * {@code docs/scripts/latency-benchmark.sh} runs it under Xvfb and adds {@code diagnose}.
 *
 * <p>Runs on its own daemon thread; every look at the window goes through the FX thread.
 */
final class LatencyBenchmark {
    static final String PROPERTY = "collapselab.latencyBenchmark";
    private static final Logger LOG = LoggerFactory.getLogger(LatencyBenchmark.class);
    private static final long TIMEOUT_MS = 300_000;

    private final long launchedAtMillis;

    private LatencyBenchmark(long launchedAtMillis) {
        this.launchedAtMillis = launchedAtMillis;
    }

    /** Starts the driver when the property is set; the caller then launches the app as usual. */
    static void startIfRequested() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return;
        }
        long launched;
        try {
            launched = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            launched = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        }
        Thread driver = new Thread(new LatencyBenchmark(launched)::runAndQuit, "latency-benchmark");
        driver.setDaemon(true);
        driver.start();
    }

    private void runAndQuit() {
        try {
            Map<String, Object> figures = run();
            LOG.info("latency-benchmark {}", Json.MAPPER.writer()
                    .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        } catch (Exception e) {
            LOG.error("latency-benchmark failed: {}", e.toString());
        } finally {
            Platform.exit();
        }
    }

    private Map<String, Object> run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        // Platform.runLater refuses work until the toolkit has started; the window exists only after that.
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (CollapseLabApp.lastWindow == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        await(() -> CollapseLabApp.lastWindow != null && CollapseLabApp.lastWindow.root().getScene() != null
                && CollapseLabApp.lastWindow.root().getScene().getWindow() != null
                && CollapseLabApp.lastWindow.root().getScene().getWindow().isShowing());
        out.put("window_s", sinceLaunch());
        MainWindow window = CollapseLabApp.lastWindow;
        await(() -> window.context().datasetProperty().get() != null);
        out.put("window_with_sample_s", sinceLaunch());
        out.put("jit", org.collapselab.core.util.JitMode.current());

        List<Map<String, Object>> runs = new ArrayList<>();
        runs.add(trainOnce(window, "cold: Train pressed as soon as the sample showed"));
        double[] learningRates = {5e-4, 2e-3};
        for (double rate : learningRates) {
            ExperimentConfig changed = ConfigCodec.withOverrides(fx(() -> window.context().configProperty().get()),
                    List.of("training.learningRate=" + rate));
            fx(() -> {
                window.applyConfig(changed);
                return null;
            });
            runs.add(trainOnce(window, "warm: learning rate moved to " + rate + ", Train pressed"));
        }
        out.put("runs", runs);
        return out;
    }

    /** Presses Train, waits for the first epoch on screen, stops the run and waits until it has stopped. */
    private Map<String, Object> trainOnce(MainWindow window, String what) throws Exception {
        TrainViewModel model = window.trainModel();
        fx(() -> {
            window.pressTrain();
            return null;
        });
        await(() -> !Double.isNaN(model.latency().firstEpochDrawn()) || !model.runningProperty().get());
        TrainViewModel.RunLatency latency = fx(model::latency);
        fx(() -> {
            model.stop();
            return null;
        });
        await(() -> !model.runningProperty().get());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("what", what);
        run.put("network_built_s", round(latency.networkBuilt()));
        run.put("first_minibatch_s", round(latency.firstMinibatch()));
        run.put("first_point_drawn_s", round(latency.firstPointDrawn()));
        run.put("first_epoch_s", round(latency.firstEpoch()));
        run.put("first_epoch_drawn_s", round(latency.firstEpochDrawn()));
        return run;
    }

    private double sinceLaunch() {
        return round((System.currentTimeMillis() - launchedAtMillis) / 1000.0);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** Polls {@code condition} on the FX thread every 10 ms. */
    private static void await(Supplier<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!fx(condition::get)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the window did not get there within " + TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(10);
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
