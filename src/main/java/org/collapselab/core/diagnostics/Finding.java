package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One diagnosis: a stable id, severity, rank (1 = most likely cause, 0 = unranked),
 * a plain-language explanation of why this makes a model predict one class, the evidence, and a fix.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String id, Severity severity, int rank, String title, String explanation, Evidence evidence,
                      Fix fix) {

    public Finding withRank(int value) {
        return new Finding(id, severity, value, title, explanation, evidence, fix);
    }

    public Finding withFix(Fix value) {
        return new Finding(id, severity, rank, title, explanation, evidence, value);
    }
}
