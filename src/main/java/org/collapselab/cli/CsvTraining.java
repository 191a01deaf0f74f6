package org.collapselab.cli;

import java.nio.file.Path;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.experiment.ExperimentService;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;

/** The CSV route of the commands ({@code train}, {@code diagnose}, {@code sweep}, {@code predict} with {@code --data FILE.csv}). */
final class CsvTraining {
    private CsvTraining() {
    }

    static int train(ExperimentOptions options, Path csv, Path out) throws Exception {
        ExperimentConfig config = resolve(options, csv);
        CancellationToken cancel = new CancellationToken();
        TableDataset data = load(csv, config);
        ExperimentService service = options.service();
        RunOutcome outcome = StopOnInterrupt.run(cancel,
                () -> service.trainTable(config, data, out, new ConsoleObserver(System.out), cancel));
        Printing.summary(System.out, outcome, "rows");
        return TrainCommand.exitCode(outcome);
    }

    /** The config for a CSV file: the reference config of its kind unless a config file is given; never images. */
    static ExperimentConfig resolve(ExperimentOptions options, Path csv) throws Exception {
        ExperimentConfig config = options.resolve(kindOf(options));
        if (!config.data().kind().isTable()) {
            throw new InvalidInputException(csv + " is a CSV file but the config's data.kind is images;"
                    + " add --set data.kind=tabular or --set data.kind=sequence");
        }
        return config;
    }

    /** Reads the CSV file as the config says and reports what was loaded and skipped on stderr. */
    static TableDataset load(Path csv, ExperimentConfig config) throws Exception {
        long start = System.nanoTime();
        TableDataset data = TableExperiment.load(csv, config);
        report(data, start);
        return data;
    }

    /**
     * The kind of CSV data, which picks the reference layers when no config file is given: {@code --set data.kind=...}
     * when given, else the config file's, else tabular.
     */
    static DataKind kindOf(ExperimentOptions options) throws ConfigException {
        for (String assignment : options.sets) {
            String trimmed = assignment.trim();
            if (trimmed.startsWith("data.kind=")) {
                try {
                    return DataKind.fromJson(trimmed.substring("data.kind=".length()).trim().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("data.kind", e.getMessage());
                }
            }
        }
        if (options.config != null) {
            DataKind kind = ConfigCodec.read(options.config).data().kind();
            return kind.isTable() ? kind : DataKind.TABULAR;
        }
        return DataKind.TABULAR;
    }

    private static void report(TableDataset data, long start) {
        System.err.printf("Loaded %d %s rows (%d features) of %d classes from %s in %.1f s%s%n", data.count(),
                data.kind().json(), data.featureCount(), data.classCount(), data.source(),
                (System.nanoTime() - start) / 1e9,
                data.skipped().isEmpty() ? "" : "; skipped " + data.skipped().size() + " rows (see report.json)");
        data.skipped().stream().limit(10).forEach(s -> System.err.println("  skipped line " + s.line() + ": " + s.reason()));
    }
}
