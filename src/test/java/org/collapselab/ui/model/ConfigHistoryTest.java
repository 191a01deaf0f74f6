package org.collapselab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigPaths;
import org.junit.jupiter.api.Test;

/** Which edits become one undo step, and what undo and redo give back. */
class ConfigHistoryTest {
    private final ConfigHistory history = new ConfigHistory();
    private ObjectNode tree = ConfigCodec.toTree(ConfigCodec.defaults());

    @Test
    void keystrokesInOneFieldAreOneStepUntilSealed() {
        edit(ConfigPaths.BATCH_SIZE, "batchSize", 6);
        edit(ConfigPaths.BATCH_SIZE, "batchSize", 64);
        assertEquals("training.batchSize 32 → 64", history.undoName());
        history.seal();
        edit(ConfigPaths.BATCH_SIZE, "batchSize", 128);
        assertEquals("training.batchSize 64 → 128", history.undoName(), "after the focus moved, a new step");
        assertEquals(64, history.undo().get("training").get("batchSize").asInt());
        assertEquals(32, history.undo().get("training").get("batchSize").asInt());
        assertNull(history.undo());
        assertEquals("training.batchSize 32 → 64", history.redoName());
    }

    @Test
    void typingBackToTheOldValueLeavesNothingToUndo() {
        edit(ConfigPaths.EPOCHS, "epochs", 1);
        edit(ConfigPaths.EPOCHS, "epochs", 10);
        assertNull(history.undoName());
    }

    @Test
    void aNewEditAfterUndoDropsTheRedoAndDoesNotMergeIntoTheStepBefore() {
        edit(ConfigPaths.EPOCHS, "epochs", 20);
        edit(ConfigPaths.L2, "l2", 0.01);
        tree = history.undo();
        edit(ConfigPaths.EPOCHS, "epochs", 30);
        assertNull(history.redoName());
        assertEquals("training.epochs 20 → 30", history.undoName());
    }

    @Test
    void onlyTheNewestStepsAreKept() {
        for (int i = 1; i <= ConfigHistory.LIMIT + 5; i++) {
            ObjectNode before = tree.deepCopy();
            ((ObjectNode) tree.get("training")).put("epochs", 10 + i);
            history.record(before, tree, null, null);
        }
        int steps = 0;
        while (history.undo() != null) {
            steps++;
        }
        assertEquals(ConfigHistory.LIMIT, steps);
    }

    private void edit(String path, String key, Number value) {
        ObjectNode before = tree.deepCopy();
        ObjectNode training = (ObjectNode) tree.get("training");
        if (value instanceof Double d) {
            training.put(key, d);
        } else {
            training.put(key, value.intValue());
        }
        history.record(before, tree, path, null);
    }
}
