package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much a finding matters; critical findings make the CLI exit with code 1. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
