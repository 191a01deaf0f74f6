package org.collapselab.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
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

    public ModelViewModel(AppContext context) {
        this.context = context;
        replace(context.configProperty().get());
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

    /** The value at a dotted path of the edited tree (e.g. "training.learningRate"). */
    public JsonNode get(String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** Sets a field by dotted path and revalidates. */
    public void set(String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        JsonNode json = value == null ? NullNode.getInstance()
                : value instanceof JsonNode given ? given : Json.MAPPER.valueToTree(value);
        node.set(parts[parts.length - 1], json);
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

    /** Replaces the whole config (load, examples, apply fix). */
    public void replace(ExperimentConfig config) {
        tree = ConfigCodec.toTree(config);
        validate();
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    private void validate() {
        try {
            ExperimentConfig config = ConfigCodec.fromTree(tree.deepCopy());
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
