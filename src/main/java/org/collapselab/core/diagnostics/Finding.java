package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One diagnosis: a stable id, severity, rank (1 = most likely cause, 0 = unranked),
 * a plain-language explanation of why this makes a model predict one class, the evidence, and a fix.
 * After the cause ranking, a finding that another one explains (a symptom of it) or that offers the same fix
 * sits {@code under} that one and shares its rank; a top entry says why it holds its place ({@code rankReason}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String id, Severity severity, int rank, String title, String explanation, Evidence evidence,
                      Fix fix, FindingLink under, String rankReason) {

    @JsonCreator
    public Finding {
    }

    public Finding(String id, Severity severity, int rank, String title, String explanation, Evidence evidence,
                   Fix fix) {
        this(id, severity, rank, title, explanation, evidence, fix, null, null);
    }

    public Finding withRank(int value) {
        return new Finding(id, severity, value, title, explanation, evidence, fix, under, rankReason);
    }

    public Finding withFix(Fix value) {
        return new Finding(id, severity, rank, title, explanation, evidence, value, under, rankReason);
    }

    public Finding withUnder(FindingLink value) {
        return new Finding(id, severity, rank, title, explanation, evidence, fix, value, rankReason);
    }

    public Finding withRankReason(String value) {
        return new Finding(id, severity, rank, title, explanation, evidence, fix, under, value);
    }

    /** Whether this finding is an entry of its own in the ranking (not under another one). */
    public boolean topLevel() {
        return under == null;
    }
}
