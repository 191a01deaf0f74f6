package org.collapselab.core.training;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of a run as written to report.json. */
public enum RunStatus {
    RUNNING, COMPLETED, STOPPED, DIVERGED, FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
