package org.collapselab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.collapselab.core.data.samples.CsvScenarios;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    @Test
    void bundledScenarioConfigsAreValidAndMatchTheirGenerator() throws Exception {
        Path dir = Path.of("sample-data/scenarios");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Scenarios.all().size() + CsvScenarios.all().size(),
                    files.filter(p -> p.toString().endsWith(".json")).count());
        }
        for (var entry : Scenarios.all().entrySet()) {
            ExperimentConfig loaded = ConfigCodec.read(dir.resolve(entry.getKey() + ".json"));
            assertEquals(Scenarios.config(entry.getKey()), loaded, entry.getKey());
        }
        for (String id : CsvScenarios.all().keySet()) {
            assertEquals(CsvScenarios.config(id), ConfigCodec.read(dir.resolve(id + ".json")), id);
        }
    }
}
