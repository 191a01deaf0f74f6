package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Examples → the sample sweep loads the imbalanced sample and opens the Sweep dialog with its 5 × 2 grid. */
@Tag("gui")
class SampleSweepExampleTest extends WorkbenchFxTest {

    @Override
    protected Path data() throws Exception {
        return TestImages.shapes(shared.resolve("tiny"), 2, 6, 16, 3);
    }

    @Test
    void theSampleSweepOpensFilledIn(FxRobot robot) {
        Path samples = AppContext.sampleDataDirectory();
        Path data = samples.resolve("shapes-imbalanced");
        robot.interact(() -> window.openSampleSweep(data, samples.resolve("scenarios").resolve("imbalance.json")));
        waitUntil(() -> robot.lookup("#sweepParams").tryQuery().isPresent(), 60);
        TextArea params = robot.lookup("#sweepParams").queryAs(TextArea.class);
        assertEquals(MainWindow.SAMPLE_SWEEP_PARAMS, params.getText());
        String plan = robot.lookup("#sweepPlan").queryAs(Label.class).getText();
        assertTrue(plan.startsWith("10 trials, 90 trial-epochs"), plan);
        assertEquals(data.toAbsolutePath().normalize(),
                window.context().datasetProperty().get().root().toAbsolutePath().normalize());
        assertEquals(MainWindow.SAMPLE_SWEEP_EPOCHS, window.context().configProperty().get().training().epochs());
    }
}
