package org.collapselab.core.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;

/**
 * The cases of the real-data scorecard ({@link RealDataScorecardTest}, docs/real-data-scorecard.md): each is a
 * dataset built by docs/scripts/real_scorecard_build.py from public data in Debian packages, a config (the image
 * scenarios' small base {@link Scenarios#SMALL}, or the tabular reference config, plus overrides) and the finding
 * expected first. The configs are written to {@link #DIR} by {@link #main} so they can be run by hand with
 * {@code diagnose --config}.
 */
final class RealDataCases {
    static final Path DIR = Path.of("src", "test", "resources", "real-scorecard");

    /**
     * One case. {@code expected}: the finding that must lead the ranking (null: none at warning or above).
     * {@code healthy}: the data and config are sound, so no finding other than {@code expected} may be critical.
     */
    record Case(String id, String dataset, String expected, boolean healthy, List<String> overrides, String why) {
        boolean csv() {
            return dataset.endsWith(".csv");
        }
    }

    private RealDataCases() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("healthy-digits", "digits4", null, true, List.of(),
                "handwritten digits 0-3, 100 each"));
        cases.add(new Case("healthy-textures", "textures3", null, true, List.of(),
                "brick, grass and gravel patches; their mean brightness differs legitimately (111, 118, 127 of 255)"));
        cases.add(new Case("healthy-photos-colour", "photos4-colour", null, true, List.of("data.channels=3"),
                "patches of four photographs; their colours and brightness differ legitimately"));
        cases.add(new Case("healthy-textures-tiny", "textures3-tiny", "validation-too-small", true, List.of(),
                "6 texture patches per class: the validation split holds about one image per class"));
        cases.add(new Case("imbalance-digits", "digits4-imbalanced", "class-imbalance", false, List.of(),
                "digit 0 at 100 images, the others at 10"));
        cases.add(new Case("learning-rate-too-high-digits", "digits4", "learning-rate-too-high", false,
                List.of("training.learningRate=1.0"),
                "Adam at 1.0 (at 0.1 the digits still train to 0.93 balanced accuracy: no failure to diagnose)"));
        cases.add(new Case("learning-rate-too-low-textures", "textures3", "learning-rate-too-low", false,
                List.of("training.optimizer=sgd", "training.learningRate=1e-5"), "plain SGD at 1e-5"));
        cases.add(new Case("sigmoid-output-digits", "digits4", "output-activation-mismatch", false,
                List.of("model.outputActivation=sigmoid"), "sigmoid outputs with multi-class cross-entropy"));
        cases.add(new Case("no-normalization-textures", "textures3", "inputs-not-normalized", false,
                List.of("data.normalization=none"), "raw 0-255 pixels"));
        cases.add(new Case("brightness-shortcut-digits", "digits-3-8-background", "spurious-feature", false, List.of(),
                "digit 3 always on light gray paper, digit 8 on black"));
        cases.add(new Case("shuffled-labels-digits", "digits4-shuffled", "no-class-signal", false, List.of(),
                "the 400 digits with their labels permuted"));
        cases.add(new Case("too-shallow-textures", "textures3", "too-shallow", false, List.of("model.layers=[]"),
                "no hidden layer: softmax on the pixels"));
        cases.add(new Case("dying-relu-digits", "digits4", "dead-relu", false,
                List.of("training.optimizer=sgd", "training.learningRate=0.5"), "SGD at 0.5 kills the ReLU units"));
        cases.add(new Case("zero-init-textures", "textures3", "symmetric-init", false, List.of("model.weightInit=zero"),
                "all weights start at zero"));
        cases.add(new Case("too-few-epochs-textures", "textures3", "still-improving", false,
                List.of("training.epochs=1"), "one epoch"));
        cases.add(new Case("duplicates-digits", "digits4-duplicates", "duplicate-images", false, List.of(),
                "40 digits per class, each saved three times: copies on both sides of the split"));
        cases.add(new Case("csv-healthy-breast-cancer", "breast-cancer.csv", null, true, List.of(),
                "Wisconsin diagnostic breast cancer, 569 rows, 30 features"));
        cases.add(new Case("csv-healthy-iris", "iris.csv", null, true, List.of(), "iris, 150 rows, 4 features"));
        cases.add(new Case("csv-imbalance-breast-cancer", "breast-cancer-imbalanced.csv", "class-imbalance", false,
                List.of(), "357 benign rows, 24 malignant"));
        cases.add(new Case("csv-unscaled-wine", "wine.csv", "features-not-scaled", false,
                List.of("data.normalization=none"), "wine: proline in the hundreds next to hue near 1, unscaled"));
        cases.add(new Case("csv-id-leak-wine", "wine-id-leak.csv", "spurious-feature", false, List.of(),
                "a sample_id numbered after sorting the rows by cultivar"));
        return cases;
    }

    static Case get(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The complete config of a case. */
    static ExperimentConfig config(Case c) throws ConfigException {
        List<String> overrides = new ArrayList<>(c.csv() ? List.of() : Scenarios.SMALL);
        overrides.addAll(c.overrides());
        overrides.add("name=real-" + c.id());
        return ConfigCodec.withOverrides(c.csv() ? ConfigCodec.defaults(DataKind.TABULAR) : ConfigCodec.defaults(),
                overrides);
    }

    static Map<String, String> expectations() {
        Map<String, String> out = new LinkedHashMap<>();
        all().forEach(c -> out.put(c.id(), c.expected()));
        return out;
    }

    /** Writes every case's config as {@code <id>.json} and the README table into {@code dir}. */
    static void write(Path dir) throws IOException, ConfigException {
        Files.createDirectories(dir);
        StringBuilder readme = new StringBuilder("# Real-data scorecard cases\n\nConfigs of `RealDataScorecardTest` "
                + "(see docs/real-data-scorecard.md). Image cases: the scenarios' small base plus the overrides; CSV "
                + "cases: the tabular reference config plus the overrides. The datasets are built into "
                + "`~/.cache/collapse-lab/real-scorecard/data` by `docs/scripts/build-real-scorecard.sh`. Regenerate "
                + "these files with `RealDataCases.main` (test classpath).\n\n"
                + "| case | dataset | expected first | healthy | overrides | what it is |\n|---|---|---|---|---|---|\n");
        for (Case c : all()) {
            ConfigCodec.write(config(c), dir.resolve(c.id() + ".json"));
            readme.append("| ").append(c.id()).append(" | `").append(c.dataset()).append("` | ")
                    .append(c.expected() == null ? "none" : "`" + c.expected() + "`").append(" | ")
                    .append(c.healthy() ? "yes" : "").append(" | ")
                    .append(c.overrides().isEmpty() ? "(none)" : "`" + String.join("` `", c.overrides()) + "`")
                    .append(" | ").append(c.why()).append(" |\n");
        }
        Files.writeString(dir.resolve("README.md"), readme.toString());
    }

    public static void main(String[] args) throws Exception {
        write(args.length > 0 ? Path.of(args[0]) : DIR);
    }
}
