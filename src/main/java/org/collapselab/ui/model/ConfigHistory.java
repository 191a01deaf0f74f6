package org.collapselab.ui.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import org.collapselab.core.model.ConfigChanges;

/**
 * Undo and redo over the Model screen's config tree. Each step keeps the whole tree before and after, so any change
 * (a field, a layer, Apply fix, Load config, Reset) is undone the same way. Keystrokes and slider drags on one
 * field merge into one step, so "32" typed over "128" undoes in one go. Not thread-safe; FX thread.
 */
final class ConfigHistory {
    /** Steps kept; older ones are dropped (a tree is a few kilobytes). */
    static final int LIMIT = 200;

    private record Step(ObjectNode before, ObjectNode after, String mergeKey, String label) {
        String name() {
            String changes = ConfigChanges.summary(before, after);
            if (label == null) {
                return changes;
            }
            return changes.isEmpty() ? label : label + ": " + changes;
        }
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();

    /**
     * Records a change. {@code mergeKey} (the edited field) lets consecutive edits of one field become one step;
     * null never merges. {@code label} names where a whole-config change came from ("Back to the config of run …").
     */
    void record(ObjectNode before, ObjectNode after, String mergeKey, String label) {
        redo.clear();
        Step top = undo.peek();
        if (mergeKey != null && top != null && mergeKey.equals(top.mergeKey())) {
            undo.pop();
            before = top.before();
        }
        if (ConfigChanges.between(before, after).isEmpty()) {
            return; // typed back to where it was, or a load of the same config: nothing to undo
        }
        undo.push(new Step(before.deepCopy(), after.deepCopy(), mergeKey, label));
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
    }

    /** The tree before the last change, or null when there is nothing to undo. */
    ObjectNode undo() {
        Step step = undo.poll();
        if (step == null) {
            return null;
        }
        redo.push(step);
        seal();
        return step.before().deepCopy();
    }

    /** The tree after the last undone change, or null when there is nothing to redo. */
    ObjectNode redo() {
        Step step = redo.poll();
        if (step == null) {
            return null;
        }
        // A redone step never merges with the next edit: it was a finished change.
        undo.push(new Step(step.before(), step.after(), null, step.label()));
        return step.after().deepCopy();
    }

    /** "data.balance none → class-weights", or null when there is nothing to undo. */
    String undoName() {
        return undo.isEmpty() ? null : undo.peek().name();
    }

    String redoName() {
        return redo.isEmpty() ? null : redo.peek().name();
    }

    /** Ends merging: the next edit of the same field is a step of its own (after an undo, a load, a focus change). */
    void seal() {
        Step top = undo.poll();
        if (top != null) {
            undo.push(new Step(top.before(), top.after(), null, top.label()));
        }
    }
}
