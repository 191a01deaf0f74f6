package org.collapselab.core.experiment.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.Json;

/**
 * What a sweep runs, as kept in {@code sweep.json} so that {@code --resume} can continue it: the image folder, the
 * engine, the base config, the swept parameters, the strategy and objective, and successive halving.
 *
 * @param strategy {@code grid} (every combination) or {@code random} ({@code trials} draws, seeded by {@code seed})
 * @param minEpochs the first halving rung's epochs r (rungs at r, r·eta, r·eta², … up to the config's epochs)
 */
public record SweepSpec(int schema, String name, String data, String engine, ExperimentConfig base,
                        List<SweepParameter> parameters, String strategy, int trials, long seed, Objective objective,
                        boolean halving, int eta, int minEpochs) {
    public static final int SCHEMA = 1;
    public static final String FILE = "sweep.json";
    public static final String GRID = "grid";
    public static final String RANDOM = "random";
    /** Halving keeps the best third at each rung (Jamieson and Talwalkar 2016; Li et al., Hyperband, 2018, use eta = 3). */
    public static final int DEFAULT_ETA = 3;

    public SweepSpec {
        parameters = List.copyOf(parameters);
    }

    /** The default first rung: two halvings below the full budget, at least one epoch. */
    public static int defaultMinEpochs(int epochs, int eta) {
        return Math.max(1, epochs / (eta * eta));
    }

    /** The full training budget of a trial: the base config's epochs. */
    public int maxEpochs() {
        return base.training().epochs();
    }

    public List<String> parameterPaths() {
        return parameters.stream().map(SweepParameter::path).toList();
    }

    public void write(Path sweepFolder) throws IOException {
        Json.writeAtomically(sweepFolder.resolve(FILE), this);
    }

    public static SweepSpec read(Path sweepFolder) throws IOException {
        Path file = sweepFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "not a sweep folder (no " + FILE + ")");
        }
        return Json.MAPPER.readValue(file.toFile(), SweepSpec.class);
    }
}
