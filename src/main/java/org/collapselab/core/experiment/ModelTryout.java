package org.collapselab.core.experiment;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DataException;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Split;
import org.collapselab.core.data.TrainingViews;
import org.collapselab.core.diagnostics.checks.PreprocessingFingerprintCheck;
import org.collapselab.core.explain.OcclusionMap;
import org.collapselab.core.explain.OcclusionSensitivity;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunRecorder;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Tries a run's trained model on images a user gives it (dropped files, a flat folder, or a folder with class
 * sub-folders), on the run's misclassified validation images, and shows where it looks (occlusion maps). The GUI's
 * "Try the model" view and the CLI's {@code predict} share its parts. Blocking and not thread-safe (the model is
 * not): call from one worker thread at a time. Cancellation is checked between batches of {@value #BATCH} images.
 */
public final class ModelTryout {
    /** Images classified between two progress reports and cancellation checks. */
    public static final int BATCH = 64;
    /** Inputs whose statistics moved further than this from training's are flagged (as {@code predict} does). */
    public static final double MISMATCH_SHIFT = PreprocessingFingerprintCheck.SHIFT;

    private final TrainedModel model;
    private final Path runFolderOrNull;

    public ModelTryout(TrainedModel model, Path runFolderOrNull) {
        this.model = model;
        this.runFolderOrNull = runFolderOrNull;
    }

    /** Loads the model of a run folder (checked before any engine reads it, see {@code ModelArchive}). */
    public static ModelTryout open(Path runFolder) throws IOException {
        Path zip = runFolder.resolve(RunRecorder.MODEL_FILE);
        if (!Files.isRegularFile(zip)) {
            throw new IOException("the run " + runFolder.getFileName() + " has no trained model (" + RunRecorder.MODEL_FILE
                    + " is missing: the run stopped before its first epoch, or failed)");
        }
        return new ModelTryout(Engines.load(zip), runFolder);
    }

    public TrainedModel model() {
        return model;
    }

    public List<String> classes() {
        return model.classes();
    }

    public ExperimentConfig config() {
        return model.config();
    }

    /**
     * Classifies what the user gave: one folder whose sub-folders are named like classes is read as labelled images
     * (the confusion is computed); any other folder, and files, are read as unlabelled images (a folder's own images,
     * not its sub-folders'). Files that are not images are skipped.
     */
    public TryResult classify(List<Path> given, ProgressObserver progress, CancellationToken cancel)
            throws DataException {
        ExperimentConfig config = model.config();
        ImageDataset images;
        boolean labelled = given.size() == 1 && hasClassFolders(given.get(0));
        if (labelled) {
            images = ExperimentService.loadForPrediction(given.get(0), model, progress, cancel);
        } else {
            images = new DatasetLoader().loadFiles(imageFiles(given), model.classes(), config.data().imageSize(),
                    config.data().channels(), progress, cancel);
        }
        return predict(images, Split.all(images.count()).train(), labelled, null, progress, cancel);
    }

    /**
     * The run's validation images that the model gets wrong: the training folder named in the run's report (and the
     * validation folder its config names) is loaded and split as the run split it; the confusion is over all of them.
     */
    public TryResult validationMistakes(ProgressObserver progress, CancellationToken cancel)
            throws DataException, IOException {
        if (runFolderOrNull == null) {
            throw new IOException("the model has no run folder to find its training images in");
        }
        RunReport report = RunReport.read(runFolderOrNull);
        if (report.dataset() == null || report.dataset().path() == null) {
            throw new IOException("the run's report does not say which images it trained on");
        }
        ExperimentConfig config = model.config();
        DatasetLoader loader = new DatasetLoader();
        int size = config.data().imageSize();
        int channels = config.data().channels();
        ImageDataset data = loader.load(Path.of(report.dataset().path()), model.classes(), size, channels, progress,
                cancel);
        String validationPath = config.data().validationPath();
        ImageDataset validation = validationPath == null || validationPath.isBlank() ? null
                : loader.load(Path.of(validationPath), model.classes(), size, channels, progress, cancel);
        DataView view = TrainingViews.of(config.data(), data, validation).validation();
        TryResult all = predict(view.dataset(), view.indices(), true, null, progress, cancel);
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < all.count(); i++) {
            if (all.predicted()[i] != all.images().label(i)) {
                wrong.add(i);
            }
        }
        int[] keep = wrong.stream().mapToInt(Integer::intValue).toArray();
        float[][] probabilities = new float[keep.length][];
        int[] predicted = new int[keep.length];
        for (int k = 0; k < keep.length; k++) {
            probabilities[k] = all.probabilities()[keep[k]];
            predicted[k] = all.predicted()[keep[k]];
        }
        return new TryResult(all.images().subset(keep), probabilities, predicted, true, all.confusionOrNull(),
                all.fingerprint(), all.trainingFingerprintOrNull(), all.shift());
    }

    /** Where the model looks in image {@code index} of a result, for the class it predicted there. */
    public OcclusionMap occlusion(TryResult result, int index) {
        return OcclusionSensitivity.of(model, result.images(), index, result.predicted()[index]);
    }

    /** The classes' probabilities and predictions for the chosen images of {@code data}, in batches. */
    private TryResult predict(ImageDataset data, int[] indices, boolean labelled, ConfusionMatrix confusionOrNull,
                              ProgressObserver progress, CancellationToken cancel) {
        ImageDataset images = indices.length == data.count() && isIdentity(indices) ? data : data.subset(indices);
        int n = images.count();
        float[][] probabilities = new float[n][];
        for (int from = 0; from < n; from += BATCH) {
            cancel.throwIfCancelled();
            int to = Math.min(n, from + BATCH);
            int[] batch = new int[to - from];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = from + i;
            }
            float[][] rows = model.predictProbabilities(new DataView(images, batch));
            System.arraycopy(rows, 0, probabilities, from, rows.length);
            progress.progress(to, n, String.format(Locale.ROOT, "Classified %,d of %,d images", to, n));
        }
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                best = probabilities[i][c] > probabilities[i][best] ? c : best;
            }
            predicted[i] = best;
        }
        ConfusionMatrix confusion = confusionOrNull != null ? confusionOrNull
                : labelled ? ConfusionMatrix.of(model.classes(), images.labels(), predicted) : null;
        InputFingerprint now = InputFingerprint.of(new DataView(images, Split.all(n).train()));
        InputFingerprint training = model.trainingFingerprint();
        double shift = training == null ? Double.NaN : now.shiftFrom(training);
        return new TryResult(images, probabilities, predicted, labelled, confusion, now, training, shift);
    }

    private static boolean isIdentity(int[] indices) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code path} is a folder with at least one sub-folder named like one of the model's classes. */
    private boolean hasClassFolders(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        for (String name : model.classes()) {
            if (Files.isDirectory(path.resolve(name))) {
                return true;
            }
        }
        return false;
    }

    /** The image files among {@code given}, with the images directly inside any folder, in name order. */
    private static List<Path> imageFiles(List<Path> given) throws DataException {
        List<Path> files = new ArrayList<>();
        for (Path path : given) {
            if (Files.isDirectory(path)) {
                String[] names = path.toFile().list();
                if (names != null) {
                    Arrays.sort(names);
                    for (String name : names) {
                        File file = new File(path.toFile(), name);
                        if (!name.startsWith(".") && file.isFile() && DatasetLoader.hasImageExtension(file.toPath())) {
                            files.add(file.toPath());
                        }
                    }
                }
            } else if (DatasetLoader.hasImageExtension(path)) {
                files.add(path);
            }
        }
        if (files.isEmpty()) {
            throw new DataException("no images among " + (given.size() == 1 ? given.get(0).getFileName()
                    : given.size() + " dropped items") + ": give png, jpg, bmp or gif files, or a folder of them");
        }
        return files;
    }
}
