package org.collapselab.core.explain;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.collapselab.core.data.DataException;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.ImageInfo;
import org.collapselab.core.data.Split;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.CancellationToken;

/**
 * Does a trained model rely on a cheap image statistic, or only have it available? The counterfactual test: take the
 * validation images, remove one statistic from each (its brightness and contrast, or its colour cast) while keeping
 * the content, and measure the model's balanced accuracy on the originals and on each altered copy. A model that
 * reads the shapes keeps its accuracy; one that reads the statistic falls towards chance or answers one class for
 * everything (the counterfactual test of shortcut learning, Geirhos et al. 2020, "Shortcut learning in deep neural
 * networks", §4). It only calls {@link TrainedModel#predictProbabilities}, one batch per counterfactual, so it works
 * on every engine. Blocking; call from a worker thread.
 */
public final class ShortcutCounterfactuals {
    /** Training images whose per-image mean and spread give the common brightness and contrast (enough for ±1 level). */
    static final int REFERENCE_IMAGES = 2000;

    /** Brightness and contrast matched: every image gets the training images' typical mean and spread. */
    public static final String BRIGHTNESS = "brightness and contrast equalized";
    /** Colour neutralized: every channel mean moved to the image's grey level (no colour cast left, shapes kept). */
    public static final String COLOUR = "colour neutralized";
    /** Size and format: every file re-encoded as a PNG of the most common training size, then loaded as usual. */
    public static final String COMMON_FORM = "one size and format";

    private ShortcutCounterfactuals() {
    }

    /** How the model answers on one set of inputs. */
    public record Measurement(String name, double balancedAccuracy, double largestPredictedShare) {
    }

    /** The model on the original validation images, then on each counterfactual, in that order. */
    public record Result(Measurement original, List<Measurement> counterfactuals, int images) {
        /** The counterfactual with the lowest balanced accuracy. */
        public Measurement worst() {
            return counterfactuals.stream().min(java.util.Comparator.comparingDouble(Measurement::balancedAccuracy))
                    .orElse(original);
        }
    }

    /**
     * Measures {@code model} on {@code validation} and on its counterfactual copies; {@code train} gives the common
     * brightness and contrast. Colour is tested only on 3-channel images.
     */
    public static Result test(TrainedModel model, DataView train, DataView validation, CancellationToken cancel) {
        return test(model, train, validation, false, cancel);
    }

    /**
     * As {@link #test(TrainedModel, DataView, DataView, CancellationToken)}; with {@code fileForm}, also the copy in one
     * common size and format ({@link #commonForm}), left out when a source file cannot be read back.
     */
    public static Result test(TrainedModel model, DataView train, DataView validation, boolean fileForm,
                              CancellationToken cancel) {
        ImageDataset data = validation.dataset();
        int n = validation.count();
        int bytes = data.imageBytes();
        byte[] original = new byte[n * bytes];
        for (int i = 0; i < n; i++) {
            data.copyPixels(validation.indices()[i], original, i * bytes);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = validation.label(i);
        }
        // The copies keep each image's file facts (path, size, format): only their pixels change.
        List<Path> paths = new ArrayList<>();
        List<ImageInfo> infos = new ArrayList<>();
        for (int index : validation.indices()) {
            paths.add(data.path(index));
            infos.add(data.info(index));
        }
        Originals files = new Originals(data, labels, paths, infos);
        List<Measurement> counterfactuals = new ArrayList<>();
        Measurement base = measure("original", model, files, original);
        cancel.throwIfCancelled();
        double[] target = typicalMeanAndSpread(train);
        counterfactuals.add(measure(BRIGHTNESS, model, files, equalizeBrightness(original, bytes, target[0], target[1])));
        cancel.throwIfCancelled();
        if (data.channels() == 3) {
            counterfactuals.add(measure(COLOUR, model, files, neutralizeColour(original, bytes, 3)));
        }
        if (fileForm) {
            Measurement common = commonForm(model, train, validation, cancel);
            if (common != null) {
                counterfactuals.add(common);
            }
        }
        return new Result(base, counterfactuals, n);
    }

    /**
     * The model on the validation files re-encoded in one form: each source file decoded, scaled to the most common
     * width × height of the training files, written as PNG and loaded back as training loads files. A model that
     * reads the size or the format (resampling or compression traces) loses what it read. Null when a file cannot be
     * decoded here or loaded back.
     */
    public static Measurement commonForm(TrainedModel model, DataView train, DataView validation,
                                         CancellationToken cancel) {
        ImageDataset data = validation.dataset();
        java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
        for (int index : train.indices()) {
            ImageInfo info = train.dataset().info(index);
            sizes.merge(info.width() + "x" + info.height(), 1, Integer::sum);
        }
        String[] common = sizes.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(data.imageSize() + "x" + data.imageSize()).split("x");
        int width = Integer.parseInt(common[0]);
        int height = Integer.parseInt(common[1]);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("collapse-lab-common-form");
            for (String name : data.classes()) {
                Files.createDirectories(dir.resolve(name));
            }
            for (int i = 0; i < validation.count(); i++) {
                cancel.throwIfCancelled();
                int index = validation.indices()[i];
                BufferedImage source = ImageIO.read(data.path(index).toFile());
                if (source == null) {
                    return null;
                }
                BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = scaled.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(source, 0, 0, width, height, null);
                g.dispose();
                ImageIO.write(scaled, "png", dir.resolve(data.classes().get(validation.label(i)))
                        .resolve(String.format(java.util.Locale.ROOT, "%06d.png", i)).toFile());
            }
            ImageDataset loaded = new DatasetLoader().load(dir, data.classes(), data.imageSize(), data.channels(),
                    org.collapselab.core.util.ProgressObserver.NONE, cancel);
            if (loaded.count() != validation.count()) {
                return null;
            }
            int[] predicted = model.predict(new DataView(loaded, Split.all(loaded.count()).train()));
            return new Measurement(COMMON_FORM, balancedAccuracy(loaded.labels(), predicted, data.classCount()),
                    largestShare(predicted, data.classCount()));
        } catch (IOException | DataException | RuntimeException e) {
            if (e instanceof org.collapselab.core.util.CancelledException cancelled) {
                throw cancelled;
            }
            return null;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    /** Mean over up to {@value #REFERENCE_IMAGES} training images of each image's own mean and standard deviation. */
    static double[] typicalMeanAndSpread(DataView train) {
        ImageDataset data = train.dataset();
        int bytes = data.imageBytes();
        byte[] pixels = new byte[bytes];
        int count = Math.min(train.count(), REFERENCE_IMAGES);
        double meanSum = 0;
        double spreadSum = 0;
        for (int i = 0; i < count; i++) {
            // Spread evenly over the split so a class-ordered split still gives every class its say.
            data.copyPixels(train.indices()[(int) ((long) i * train.count() / count)], pixels, 0);
            double[] stats = meanAndSpread(pixels, 0, bytes);
            meanSum += stats[0];
            spreadSum += stats[1];
        }
        return count == 0 ? new double[]{128, 50} : new double[]{meanSum / count, spreadSum / count};
    }

    static double[] meanAndSpread(byte[] pixels, int offset, int length) {
        double sum = 0;
        double sumSq = 0;
        for (int k = offset; k < offset + length; k++) {
            double v = pixels[k] & 0xFF;
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / length;
        return new double[]{mean, Math.sqrt(Math.max(0, sumSq / length - mean * mean))};
    }

    /** Each image rescaled so that its pixel mean and standard deviation are {@code mean} and {@code spread}. */
    static byte[] equalizeBrightness(byte[] images, int bytes, double mean, double spread) {
        byte[] out = new byte[images.length];
        for (int base = 0; base < images.length; base += bytes) {
            double[] own = meanAndSpread(images, base, bytes);
            // A flat image has no contrast to stretch: only its level moves.
            double gain = own[1] < 1e-6 ? 0 : spread / own[1];
            for (int k = base; k < base + bytes; k++) {
                out[k] = clamp(mean + ((images[k] & 0xFF) - own[0]) * gain);
            }
        }
        return out;
    }

    /** Each channel of each image shifted so its mean equals the image's mean over all channels. */
    static byte[] neutralizeColour(byte[] images, int bytes, int channels) {
        byte[] out = new byte[images.length];
        int pixels = bytes / channels;
        for (int base = 0; base < images.length; base += bytes) {
            double[] channelMean = new double[channels];
            for (int p = 0; p < pixels; p++) {
                for (int c = 0; c < channels; c++) {
                    channelMean[c] += images[base + p * channels + c] & 0xFF;
                }
            }
            double grey = 0;
            for (int c = 0; c < channels; c++) {
                channelMean[c] /= pixels;
                grey += channelMean[c] / channels;
            }
            for (int p = 0; p < pixels; p++) {
                for (int c = 0; c < channels; c++) {
                    int k = base + p * channels + c;
                    out[k] = clamp((images[k] & 0xFF) - channelMean[c] + grey);
                }
            }
        }
        return out;
    }

    /** The validation images' dataset, labels and file facts, which every copy keeps. */
    private record Originals(ImageDataset like, int[] labels, List<Path> paths, List<ImageInfo> infos) {
    }

    private static Measurement measure(String name, TrainedModel model, Originals files, byte[] pixels) {
        ImageDataset like = files.like();
        int[] labels = files.labels();
        int n = labels.length;
        ImageDataset images = new ImageDataset(like.root(), like.classes(), like.imageSize(), like.channels(), pixels,
                labels, files.paths(), files.infos(), List.of());
        int[] predicted = model.predict(new DataView(images, Split.all(n).train()));
        return new Measurement(name, balancedAccuracy(labels, predicted, like.classCount()),
                largestShare(predicted, like.classCount()));
    }

    /** Mean recall over the classes present among {@code labels}. */
    public static double balancedAccuracy(int[] labels, int[] predicted, int classes) {
        int[] seen = new int[classes];
        int[] hit = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            seen[labels[i]]++;
            hit[labels[i]] += predicted[i] == labels[i] ? 1 : 0;
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (seen[c] > 0) {
                sum += (double) hit[c] / seen[c];
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /** The share of the answers that went to the most often predicted class. */
    static double largestShare(int[] predicted, int classes) {
        int[] counts = new int[classes];
        int most = 0;
        for (int p : predicted) {
            most = Math.max(most, ++counts[p]);
        }
        return predicted.length == 0 ? 0 : (double) most / predicted.length;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
}
