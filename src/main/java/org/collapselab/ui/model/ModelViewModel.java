package org.collapselab.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
 * with the same validator as the command line; a valid tree becomes the app's current config, an
 * invalid one keeps the last valid config and lists each error with its field. FX thread.
 */
public final class ModelViewModel {
    private final AppContext context;
    private ObjectNode tree;
    private final ObservableList<ConfigError> errors = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<ExperimentConfig> lastValid = new SimpleObjectProperty<>();

    public ModelViewModel(AppContext context) {
        this.context = context;
        replace(context.configProperty().get());
        context.datasetProperty().addListener((obs, old, data) -> updateSummary());
    }

    public ObservableList<ConfigError> errors() { return errors; }
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
        node.set(parts[parts.length - 1], Json.MAPPER.valueToTree(value));
        validate();
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
        updateSummary();
    }

    private void updateSummary() {
        ExperimentConfig config = lastValid.get();
        if (config == null) {
            return;
        }
        int classes = context.datasetProperty().get() == null ? 3 : context.datasetProperty().get().classCount();
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
