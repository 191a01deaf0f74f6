package org.collapselab.core.model;

import java.util.List;
import java.util.stream.Collectors;

/** An experiment config that cannot be used, with every field that is wrong and why. */
public final class ConfigException extends Exception {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public ConfigException(String path, String reason) {
        this(List.of(new ConfigError(path, reason)));
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
