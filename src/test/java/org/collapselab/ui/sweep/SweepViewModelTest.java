package org.collapselab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sweep dialog's plan and errors, without a window (updates run on the calling thread). */
class SweepViewModelTest {

    @Test
    void planCountsTrialsAndFollowsTheInputs(@TempDir Path dir) throws Exception {
        ExperimentConfig base = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("training.epochs=9"));
        SweepViewModel model = new SweepViewModel(base, null, dir.resolve("runs"), Runnable::run);
        assertEquals("10 trials, 90 trial-epochs; time unknown until a run has finished", model.planProperty().get());

        model.halvingProperty().set(true);
        assertTrue(model.planProperty().get().startsWith("14 trials, 28 trial-epochs"), model.planProperty().get());

        model.halvingProperty().set(false);
        model.strategyProperty().set("random");
        model.trialsProperty().set(4);
        assertTrue(model.planProperty().get().startsWith("4 trials, 36 trial-epochs"), model.planProperty().get());
    }

    @Test
    void aBadLineNamesTheParameterAndBlocksTheSweep(@TempDir Path dir) {
        SweepViewModel model = new SweepViewModel(ConfigCodec.defaults(), null, dir, Runnable::run);
        model.paramsProperty().set("training.learningRate=1e-3,1e-2\ndata.balance=none,sideways");
        assertEquals("", model.planProperty().get());
        assertTrue(model.errorProperty().get().startsWith("data.balance: --param data.balance=none,sideways: value sideways"),
                model.errorProperty().get());
        model.start();
        assertTrue(!model.runningProperty().get());
        assertNull(model.bestProperty().get());
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("45 s", SweepViewModel.duration(45));
        assertEquals("12 min", SweepViewModel.duration(725));
        assertEquals("2.5 h", SweepViewModel.duration(9000));
    }
}
