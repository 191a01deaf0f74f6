package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.cli.CollapseLabCommand;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.report.RunReport;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A config that names a separate validation folder ({@code data.validationPath}) is validated on that folder in the
 * app exactly as in {@code train}: the same images for training and for validation, not a split of the training data.
 */
@Tag("gui")
class ValidationFolderTest extends WorkbenchFxTest {
    private static final int TRAIN_PER_CLASS = 8;
    private static final int VALIDATION_PER_CLASS = 5;
    static Path trainFolder;
    static Path validationFolder;
    static ExperimentConfig config;

    @BeforeAll
    static void folders() throws Exception {
        trainFolder = TestImages.shapes(shared.resolve("train"), 2, TRAIN_PER_CLASS, 16, 7);
        validationFolder = TestImages.shapes(shared.resolve("validation"), 2, VALIDATION_PER_CLASS, 16, 11);
        config = ConfigCodec.withOverrides(tinyConfig(1),
                List.of("data.validationPath=\"" + validationFolder.toString().replace("\\", "\\\\") + "\""));
    }

    @Override
    protected Path data() {
        return trainFolder;
    }

    @Test
    void theAppAndTheCliValidateOnTheSameSeparateFolder(FxRobot robot) throws Exception {
        Path configFile = shared.resolve("config.json");
        ConfigCodec.write(config, configFile);
        Path cliRun = shared.resolve("cli-run");
        int code = CollapseLabCommand.run("train", "--data", trainFolder.toString(), "--config", configFile.toString(),
                "--out", cliRun.toString());
        assertEquals(true, code == 0 || code == 1, "train finished (exit " + code + ")");
        RunReport cli = RunReport.read(cliRun);

        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(() -> window.modelScreen().apply(config));
        robot.interact(window::trainNow);
        waitUntil(() -> window.trainModel().lastOutcomeProperty().get() != null, 120);
        RunReport gui = RunReport.read(window.trainModel().lastOutcomeProperty().get().runFolder());

        assertEquals(2 * TRAIN_PER_CLASS, cli.dataset().train(), "the CLI trains on every training image");
        assertEquals(2 * VALIDATION_PER_CLASS, cli.dataset().validation(), "the CLI validates on the separate folder");
        assertEquals(cli.dataset().train(), gui.dataset().train(), "the app trains on the same images");
        assertEquals(cli.dataset().validation(), gui.dataset().validation(), "the app validates on the same folder");
        assertEquals(cli.finalResult().confusion().counts().length, gui.finalResult().confusion().counts().length);
    }
}
