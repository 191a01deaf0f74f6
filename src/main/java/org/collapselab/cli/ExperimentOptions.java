package org.collapselab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.training.TrainingEngine;
import picocli.CommandLine.Option;

/** The options that describe an experiment: a config file, overrides, shortcuts for epochs and
 * seed, and the training engine. */
final class ExperimentOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Experiment config JSON (see the README, \"Experiment config\"); defaults when omitted.")
    Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a config field by its dotted path, e.g. --set training.learningRate=0.01 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--epochs", paramLabel = "N", description = "Shortcut for --set training.epochs=N.")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "N", description = "Shortcut for --set data.seed=N.")
    Long seed;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "Training engine: auto (SameDiff where it supports the config, else MultiLayerNetwork), "
                    + "samediff or multilayer (default: the system property collapselab.engine, else auto).")
    String engine;

    /** The chosen training engine. */
    TrainingEngine engine() throws InvalidInputException {
        return engine(engine == null ? System.getProperty(Engines.PROPERTY, Engines.AUTO) : engine);
    }

    /** The experiment service on the chosen engine, with runs under {@code runs/} in the working directory. */
    ExperimentService service() throws InvalidInputException {
        return new ExperimentService(engine(), Path.of("runs"));
    }

    static TrainingEngine engine(String name) throws InvalidInputException {
        try {
            return Engines.named(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** The effective config; throws with the field and the reason when it is invalid. */
    ExperimentConfig resolve() throws ConfigException {
        return resolve(org.collapselab.core.model.DataKind.IMAGES);
    }

    /** As {@link #resolve()}, starting without a config file from the reference config for {@code kind}. */
    ExperimentConfig resolve(org.collapselab.core.model.DataKind kind) throws ConfigException {
        ExperimentConfig base = config == null ? ConfigCodec.defaults(kind) : ConfigCodec.read(config);
        List<String> all = new ArrayList<>(sets);
        if (epochs != null) {
            all.add("training.epochs=" + epochs);
        }
        if (seed != null) {
            all.add("data.seed=" + seed);
        }
        return all.isEmpty() ? base : ConfigCodec.withOverrides(base, all);
    }
}
