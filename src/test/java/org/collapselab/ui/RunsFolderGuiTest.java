package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.RunStatus;
import org.collapselab.testsupport.SmallDisk;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A runs folder that cannot take runs: read-only or missing (refused before training, with an offer of another
 * folder) and full (the run fails, and the Train screen says so in words).
 */
@Tag("gui")
class RunsFolderGuiTest extends WorkbenchFxTest {
    static Path dataset;
    private Path base;
    private Path readOnly;
    private boolean mounted;
    private SmallDisk disk;

    @BeforeAll
    static void tinyDataset() throws Exception {
        dataset = TestImages.shapes(shared.resolve("shapes"), 3, 8, 16, 17);
    }

    @Override
    protected Path data() {
        return dataset;
    }

    /** Each test points the app at one of these runs folders before anything trains. */
    @BeforeEach
    void folders() throws Exception {
        base = Files.createTempDirectory("runs-folder-test");
        readOnly = Files.createDirectory(base.resolve("read-only-runs"));
        disk = SmallDisk.of(Files.createDirectory(base.resolve("small-disk")), 64L << 20);
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        robot.interact(window::stopTraining);
        waitUntil(() -> !window.trainModel().runningProperty().get(), 60);
        if (mounted) {
            run("umount", readOnly.toString());
        }
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aReadOnlyRunsFolderIsRefusedBeforeTrainingAndAnotherFolderIsOffered(FxRobot robot) throws Exception {
        makeReadOnly(readOnly);
        refusedThenTrainedElsewhere(robot, readOnly, "is not writable");
    }

    @Test
    void aMissingRunsFolderThatCannotBeCreatedIsRefusedTheSameWay(FxRobot robot) throws Exception {
        Path file = Files.writeString(base.resolve("a-file"), "not a folder");
        refusedThenTrainedElsewhere(robot, file.resolve("runs"), "is missing and cannot be created");
    }

    @Test
    void aDiskThatFillsDuringARunIsSaidInWordsOnTheTrainScreen(FxRobot robot) throws Exception {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(() -> {
            window.context().useRunsDirectory(disk.root());
            window.modelScreen().apply(uncheckedConfig(40));
        });
        robot.clickOn("#toolbarTrain");
        waitUntil(() -> window.trainModel().epochs().size() >= 1, 120);
        disk.fill();
        waitUntil(() -> !window.trainModel().runningProperty().get(), 120);

        String outcome = text(robot, "#outcomeLabel");
        System.out.println("Train screen after the disk filled: " + outcome);
        assertTrue(outcome.startsWith("FAILED — no space left on device while trying to write"), outcome);
        assertNoStackTrace(outcome);
        assertNoStackTrace(window.context().hintProperty().get());
        assertTrue(visible(robot, "#chooseRunsFolder"), "another folder is offered");
        screenshot("train-disk-full.png");
        Path run = onlyRunFolder(disk.root());
        RunReport report = RunReport.read(run);
        assertEquals(RunStatus.FAILED, report.status());
        assertTrue(report.message().startsWith("no space left on device"), report.message());
    }

    /** Train is refused with the reason in words and an offer; after choosing another folder, Train trains there. */
    private void refusedThenTrainedElsewhere(FxRobot robot, Path unusable, String reason) throws Exception {
        waitUntil(() -> window.context().datasetProperty().get() != null, 30);
        robot.interact(() -> window.context().useRunsDirectory(unusable));
        assertFalse(visible(robot, "#chooseRunsFolder"), "no offer while nothing went wrong");

        robot.clickOn("#toolbarTrain");
        String message = text(robot, "#trainMessage");
        System.out.println("Train pressed with runs folder " + unusable + ": " + message);
        assertTrue(message.startsWith("Training not started: the runs folder"), message);
        assertTrue(message.contains(reason) && message.endsWith("Choose another folder for runs."), message);
        assertNoStackTrace(message);
        assertFalse(window.trainModel().runningProperty().get(), "nothing trains");
        assertTrue(visible(robot, "#chooseRunsFolder"), "another folder is offered");
        screenshot("train-runs-folder-" + (reason.contains("missing") ? "missing" : "read-only") + ".png");

        // What the DirectoryChooser hands back when the user picks a writable folder.
        Path chosen = base.resolve("chosen-runs");
        String[] problem = new String[1];
        robot.interact(() -> problem[0] = window.trainModel().useRunsFolder(chosen));
        assertNull(problem[0]);
        assertFalse(visible(robot, "#chooseRunsFolder"), "the offer goes once a usable folder is chosen");
        assertEquals(chosen, window.context().runsDirectory(), "remembered for the session");
        assertEquals(chosen, window.context().service().runsDirectory());

        robot.clickOn("#toolbarTrain");
        waitUntil(() -> !window.trainModel().runningProperty().get() && window.trainModel().lastOutcomeProperty().get() != null, 120);
        assertEquals(chosen, onlyRunFolder(chosen).getParent());
        assertTrue(text(robot, "#outcomeLabel").startsWith("COMPLETED"), text(robot, "#outcomeLabel"));
    }

    /** With -Dcollapselab.screenshotDir=FOLDER, saves the window there (to look at the texts). */
    private static void screenshot(String name) throws Exception {
        String folder = System.getProperty("collapselab.screenshotDir");
        if (folder != null) {
            ScreenshotTour.shoot(null, Path.of(folder).resolve(name));
        }
    }

    private void makeReadOnly(Path folder) throws Exception {
        // Root ignores permission bits, so as root a read-only bind mount stands in for a read-only folder.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        if (writable(folder)) {
            mounted = run("mount", "--bind", folder.toString(), folder.toString())
                    && run("mount", "-o", "remount,bind,ro", folder.toString());
        }
        Assumptions.assumeFalse(writable(folder), "cannot make a read-only folder here");
    }

    private static boolean writable(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path onlyRunFolder(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), "run folders: " + all);
            return all.get(0);
        }
    }

    private static void assertNoStackTrace(String text) {
        assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("java."), text);
    }

    private static String text(FxRobot robot, String id) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = ((Labeled) robot.lookup(id).query()).getText());
        return text[0];
    }

    private static boolean visible(FxRobot robot, String id) {
        boolean[] shown = new boolean[1];
        robot.interact(() -> {
            Node node = robot.lookup(id).query();
            shown[0] = node.isVisible() && node.getParent().isVisible();
        });
        return shown[0];
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
