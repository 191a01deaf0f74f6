package org.collapselab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapselab.core.data.DataView;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Split;
import org.collapselab.core.report.CsvCells;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableFingerprint;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.training.TableModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code predict}: classify images or CSV rows with a trained run and compare their fingerprint with training's. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify the images of a folder (class sub-folders, as for training) with a trained run's model. "
                + "Writes a CSV of predictions, and compares the inputs' pixel statistics with training's.")
final class PredictCommand implements Callable<Integer> {
    /** A mean shift of more than this many training standard deviations means the inputs differ from training's. */
    static final double MISMATCH_THRESHOLD = 0.5;

    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = "A run folder holding model.zip.")
    Path run;

    @Option(names = "--data", required = true, paramLabel = "DIR|FILE.csv",
            description = "Images to classify, in class sub-folders, or rows of a CSV file with the training file's columns.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Predictions CSV (default: predictions.csv in the current folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path modelFile = run.resolve(RunRecorder.MODEL_FILE);
        if (!Files.isRegularFile(modelFile)) {
            throw new InvalidInputException("no " + RunRecorder.MODEL_FILE + " in " + run + " — train a model there first");
        }
        TrainedModel model;
        try {
            model = org.collapselab.core.experiment.Engines.load(modelFile);
        } catch (java.io.IOException e) {
            // A refused or unreadable model is the user's input: one line, no stack trace.
            throw new InvalidInputException(e.getMessage());
        }
        if (TableExperiment.isCsv(data) || model instanceof TableModel) {
            if (!(model instanceof TableModel table) || !TableExperiment.isCsv(data)) {
                throw new InvalidInputException(model instanceof TableModel
                        ? "this model was trained on CSV rows; give --data FILE.csv"
                        : "this model was trained on images; give --data DIR with class sub-folders");
            }
            return predictRows(table);
        }
        var config = model.config();
        ImageDataset images = ExperimentService.loadForPrediction(data, model, ProgressObserver.NONE,
                new CancellationToken());
        DataView all = new DataView(images, Split.all(images.count()).train());
        int[] predicted = model.predict(all);
        float[][] probabilities = model.predictProbabilities(all);
        writeCsv(out != null ? out : Path.of("predictions.csv"), images, predicted, probabilities, model.classes());
        ConfusionMatrix confusion = ConfusionMatrix.of(model.classes(), images.labels(), predicted);
        System.out.printf("Predicted %d images: accuracy %.3f, balanced accuracy %.3f, share of the top class %.2f%n",
                images.count(), confusion.accuracy(), confusion.balancedAccuracy(), confusion.predictionShare());
        System.out.println("Predicted counts: " + Arrays.toString(confusion.predictedCounts()) + " for " + model.classes());
        InputFingerprint training = model.trainingFingerprint();
        InputFingerprint now = InputFingerprint.of(all);
        if (training != null) {
            double shift = now.shiftFrom(training);
            System.out.printf("Input fingerprint: training mean %s std %s; now mean %s std %s; shift %.2f (threshold %.2f)%n",
                    round(training.mean()), round(training.std()), round(now.mean()), round(now.std()), shift,
                    MISMATCH_THRESHOLD);
            if (shift > MISMATCH_THRESHOLD) {
                System.out.println("[CRITICAL] preprocessing-mismatch — these images are not preprocessed like the training "
                        + "images (pixel statistics moved by " + String.format("%.2f", shift)
                        + " training standard deviations). A model shown inputs unlike its training data tends to give "
                        + "one answer for all of them.");
                return ExitCodes.CRITICAL_FINDING;
            }
        }
        return ExitCodes.OK;
    }

    /** {@code predict --data FILE.csv}: the rows aligned to the model's columns, predicted, fingerprints compared. */
    private int predictRows(TableModel model) throws Exception {
        TableDataset rows = ExperimentService.loadRowsForPrediction(data, model);
        DataView all = new DataView(rows, Split.all(rows.count()).train());
        float[][] probabilities = model.predictProbabilities(all);
        int[] predicted = model.predict(all);
        List<String> classes = model.classes();
        List<String> lines = new ArrayList<>();
        lines.add("line,actual,predicted,confidence");
        for (int i = 0; i < rows.count(); i++) {
            lines.add(rows.line(i) + "," + CsvCells.row(classes.get(rows.label(i)), classes.get(predicted[i])) + ","
                    + CsvCells.number(probabilities[i][predicted[i]], 4));
        }
        Path file = out != null ? out : Path.of("predictions.csv");
        Files.write(file, lines);
        System.out.println("Wrote " + file.toAbsolutePath());
        ConfusionMatrix confusion = ConfusionMatrix.of(classes, rows.labels(), predicted);
        System.out.printf("Predicted %d rows: accuracy %.3f, balanced accuracy %.3f, share of the top class %.2f%n",
                rows.count(), confusion.accuracy(), confusion.balancedAccuracy(), confusion.predictionShare());
        System.out.println("Predicted counts: " + Arrays.toString(confusion.predictedCounts()) + " for " + classes);
        TableFingerprint training = model.tableFingerprint();
        if (training == null) {
            return ExitCodes.OK;
        }
        TableFingerprint now = TableFingerprint.of(rows, all.indices());
        double shift = now.shiftFrom(training);
        int worst = now.worstInput(training);
        String input = training.inputs().get(worst);
        System.out.printf(java.util.Locale.ROOT, "Feature fingerprint: the largest shift is '%s' (training mean %.3g std "
                        + "%.3g; now mean %.3g std %.3g): %.2f (threshold %.2f)%n", input, training.mean()[worst],
                training.std()[worst], now.mean()[worst], now.std()[worst], shift, MISMATCH_THRESHOLD);
        if (shift > MISMATCH_THRESHOLD) {
            System.out.println("[CRITICAL] preprocessing-mismatch — these rows are not prepared like the training rows ('"
                    + input + "' moved by " + String.format(java.util.Locale.ROOT, "%.2f", shift)
                    + " training standard deviations). A model shown inputs unlike its training data tends to give one "
                    + "answer for all of them.");
            return ExitCodes.CRITICAL_FINDING;
        }
        return ExitCodes.OK;
    }

    private static String round(double[] values) {
        return Arrays.toString(Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray());
    }

    static void writeCsv(Path file, ImageDataset images, int[] predicted, float[][] probabilities,
                         List<String> classes) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("file,actual,predicted,confidence");
        for (int i = 0; i < images.count(); i++) {
            lines.add(CsvCells.row(images.path(i).toString(), classes.get(images.label(i)), classes.get(predicted[i]))
                    + "," + CsvCells.number(probabilities[i][predicted[i]], 4));
        }
        Files.write(file, lines);
        System.out.println("Wrote " + file.toAbsolutePath());
    }
}
