package org.collapselab.ui.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.junit.jupiter.api.Test;

class EngineWarmUpTest {

    @Test
    void warmUpTrainsTheCurrentNetworkAtSixteenPixelsAndFallsBackToTheDefaultOne() throws Exception {
        assertTrue(EngineWarmUp.run(Engines.defaultEngine(), ConfigCodec.defaults()), "the default network warms up");
        // Five 2x2 pools cannot shrink 16 px: the current network fails, the default one is used instead.
        ExperimentConfig deep = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("model.layers=["
                + "{\"type\":\"pool\",\"size\":2},{\"type\":\"pool\",\"size\":2},{\"type\":\"pool\",\"size\":2},"
                + "{\"type\":\"pool\",\"size\":2},{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":8,"
                + "\"activation\":\"relu\"}]"));
        assertTrue(EngineWarmUp.run(Engines.defaultEngine(), deep), "falls back to the default network");
    }
}
