package org.collapselab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.collapselab.core.data.DatasetStatistics;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.DataFindings;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.TrainingFindings;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inspect}: dataset statistics and data findings, no training. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show dataset statistics (class counts, imbalance, sizes, brightness, skipped files) and data findings.")
final class InspectCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Image folder, one sub-folder per class.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Mixin
    ExperimentOptions experiment;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = experiment.resolve();
        ImageDataset dataset = DataLoading.load(experiment.service(), data, config, new CancellationToken());
        DatasetStatistics stats = DatasetStatistics.of(dataset);
        List<Finding> findings = new java.util.ArrayList<>(DataFindings.of(dataset, config));
        findings.addAll(org.collapselab.core.diagnostics.ConfigFindings.of(config, dataset.classCount()));
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("path", data.toAbsolutePath().toString());
            out.put("statistics", stats);
            out.put("findings", findings);
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            System.out.printf("%s: %d images, %d classes, imbalance ratio %.1f, label entropy %.2f%n",
                    data, stats.total(), stats.classes().size(), stats.imbalanceRatio(), stats.labelEntropy());
            for (int c = 0; c < stats.classes().size(); c++) {
                System.out.printf("  %-20s %6d images  mean brightness %5.1f%n", stats.classes().get(c), stats.counts()[c],
                        stats.meanBrightness()[c]);
            }
            System.out.println("Sizes: " + stats.sizes());
            System.out.println("Source channels: " + stats.sourceChannels() + ", formats: " + stats.formats());
            System.out.println("Skipped: " + stats.skipped().size());
            stats.skipped().forEach(s -> System.out.println("  " + s.file() + ": " + s.reason()));
            Printing.findings(System.out, findings);
        }
        return TrainingFindings.hasCritical(findings) ? ExitCodes.CRITICAL_FINDING : ExitCodes.OK;
    }
}
