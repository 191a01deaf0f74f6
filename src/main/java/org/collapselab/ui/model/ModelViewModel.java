package org.collapselab.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.collapselab.core.diagnostics.ConfigFindings;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigError;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ConfigValidator;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.ModelSummary;
import org.collapselab.core.util.Json;
import org.collapselab.ui.AppContext;
import org.collapselab.ui.common.Formats;

/**
 * The model screen's state: an editable JSON tree of the config. Every edit is validated at once
 * with the same validator as the command line; a valid tree becomes the app's current config and is
 * linted by the diagnosis's config checks. An invalid one lists every error with its field, and
 * training is refused until they are fixed (the other screens keep the last valid config). FX thread.
 */
public final class ModelViewModel {
    private final AppContext context;
    private ObjectNode tree;
    private final ObservableList<ConfigError> errors = FXCollections.observableArrayList();
    private final ObservableList<Finding> lint = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<ExperimentConfig> lastValid = new SimpleObjectProperty<>();
    private final ConfigHistory history = new ConfigHistory();
    private final StringProperty undoName = new SimpleStringProperty();
    private final StringProperty redoName = new SimpleStringProperty();
    private final IntegerProperty sequenceLength = new SimpleIntegerProperty(0);

    public ModelViewModel(AppContext context) {
        this.context = context;
        tree = ConfigCodec.toTree(context.configProperty().get());
        validate();
        sequenceLength.addListener((obs, old, length) -> validate());
        context.datasetProperty().addListener((obs, old, data) -> {
            relint();
            updateSummary();
        });
        context.tableProperty().addListener((obs, old, data) -> {
            relint();
            updateSummary();
        });
    }

    public AppContext context() { return context; }
    public ObservableList<ConfigError> errors() { return errors; }
    /** Warnings of the diagnosis's config checks (e.g. {@code learning-rate-out-of-range}) on the last valid config. */
    public ObservableList<Finding> lint() { return lint; }
    public StringProperty summaryProperty() { return summary; }
    public ObjectProperty<ExperimentConfig> lastValidProperty() { return lastValid; }
    /** What Undo would undo ("data.balance none → class-weights"); null when there is nothing to undo. */
    public ReadOnlyStringProperty undoNameProperty() { return undoName; }
    /** What Redo would redo; null when there is nothing to redo. */
    public ReadOnlyStringProperty redoNameProperty() { return redoName; }
    /**
     * Time steps per series of the loaded sequence CSV, 0 while none is loaded: with it, the layers are checked against
     * the real length as they are edited (a conv1d window longer than what is left of the series is an error).
     */
    public IntegerProperty sequenceLengthProperty() { return sequenceLength; }

    /** The value at a dotted path of the edited tree (e.g. "training.learningRate"). */
    public JsonNode get(String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** Sets a field by dotted path and revalidates; consecutive edits of one field are one undo step. */
    public void set(String path, Object value) {
        set(path, value, path);
    }

    /**
     * Sets a field and revalidates. {@code mergeKey} names the edit for undo: consecutive edits with the same key
     * (keystrokes in one field, a slider drag) undo as one step; null makes a step of its own (Add layer).
     */
    public void set(String path, Object value, String mergeKey) {
        ObjectNode before = tree.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        JsonNode json = value == null ? NullNode.getInstance()
                : value instanceof JsonNode given ? given : Json.MAPPER.valueToTree(value);
        node.set(parts[parts.length - 1], json);
        history.record(before, tree, mergeKey, null);
        validate();
    }

    /**
     * Sets a field from what the user typed, unchanged, so that the validator judges it: blank is
     * empty (null), a number is a number, anything else is text. Nothing is clamped or rounded here.
     */
    public void setTyped(String path, String text) {
        set(path, typed(text));
    }

    /** The JSON value of typed text; see {@link #setTyped}. */
    public static JsonNode typed(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return NullNode.getInstance();
        }
        try {
            return LongNode.valueOf(Long.parseLong(trimmed));
        } catch (NumberFormatException notWhole) {
            try {
                return DoubleNode.valueOf(Double.parseDouble(trimmed));
            } catch (NumberFormatException notNumber) {
                return TextNode.valueOf(trimmed);
            }
        }
    }

    /** Replaces the whole config (load, examples, apply fix) as one undo step, named by what changed. */
    public void replace(ExperimentConfig config) {
        replace(config, null);
    }

    /** {@link #replace(ExperimentConfig)}, the undo step named after its source ("Back to the config of run …"). */
    public void replace(ExperimentConfig config, String label) {
        ObjectNode before = tree;
        tree = ConfigCodec.toTree(config);
        history.record(before, tree, null, label);
        validate();
    }

    /** Restores the config before the last change; false when there is nothing to undo. */
    public boolean undo() {
        return restore(history.undo());
    }

    /** Re-applies the last undone change; false when there is nothing to redo. */
    public boolean redo() {
        return restore(history.redo());
    }

    /** Ends the merging of edits to one field, so the next edit is its own undo step (the field lost the focus). */
    public void endEdit() {
        history.seal();
    }

    private boolean restore(ObjectNode restored) {
        if (restored == null) {
            return false;
        }
        tree = restored;
        validate();
        return true;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    private void validate() {
        undoName.set(history.undoName());
        redoName.set(history.redoName());
        try {
            ExperimentConfig config = ConfigCodec.fromTree(tree.deepCopy());
            List<ConfigError> lengthErrors = ConfigValidator.validateShapes(config, sequenceLength.get());
            if (!lengthErrors.isEmpty()) {
                throw new ConfigException(lengthErrors);
            }
            errors.clear();
            lastValid.set(config);
            context.configProperty().set(config);
        } catch (ConfigException e) {
            errors.setAll(e.errors());
        }
        relint();
        updateSummary();
    }

    private void relint() {
        if (errors.isEmpty() && lastValid.get() != null) {
            lint.setAll(ConfigFindings.of(lastValid.get(), classCount()));
        } else {
            lint.clear();
        }
    }

    private int classCount() {
        return context.classCount(3);
    }

    private void updateSummary() {
        ExperimentConfig config = lastValid.get();
        if (config == null) {
            return;
        }
        if (!errors.isEmpty()) {
            // The last valid config's figures would describe a network other than the one on screen.
            summary.set("Size and memory are shown once the config is valid");
            return;
        }
        if (config.data().kind().isTable()) {
            // The input width of CSV data is known only once the file is read; image-size figures would mislead.
            summary.set(config.model().layers().size() + " hidden layers for " + config.data().kind()
                    + " data · size and memory follow from the CSV file");
            return;
        }
        int classes = classCount();
        ModelSummary s = ModelSummary.of(config, classes);
        summary.set(String.format("%,d parameters · about %s to train at batch %d · %d classes", s.parameterCount(),
                Formats.bytes(s.trainingBytes(config.training().batchSize())), config.training().batchSize(), classes));
    }

    /** Errors whose path starts with {@code prefix}. */
    public List<ConfigError> errorsFor(String prefix) {
        List<ConfigError> matching = new ArrayList<>();
        for (ConfigError e : errors) {
            if (e.path().equals(prefix) || e.path().startsWith(prefix + ".") || e.path().startsWith(prefix + "[")) {
                matching.add(e);
            }
        }
        return matching;
    }
}
