package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One diagnosis: a stable id, severity, rank (1 = most likely cause, 0 = unranked),
 * a plain-language explanation of why this makes a model predict one class, the evidence, and a fix.
 * After the cause ranking, a finding that another one explains (a symptom of it) or that offers the same fix
 * sits {@code under} that one and shares its rank; a top entry says why it holds its place ({@code rankReason}).
 * A finding whose evidence rests on a validation metric too uncertain to decide (its 95% interval spans the
 * threshold), or on a validation split too small to measure, is {@code inconclusive}: downgraded to info, with the
 * reason in {@code inconclusiveReason} (see {@link Uncertainty}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String id, Severity severity, int rank, String title, String explanation, Evidence evidence,
                      Fix fix, FindingLink under, String rankReason,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean inconclusive, String inconclusiveReason) {

    @JsonCreator
    public Finding {
    }

    public Finding(String id, Severity severity, int rank, String title, String explanation, Evidence evidence,
                   Fix fix) {
        this(id, severity, rank, title, explanation, evidence, fix, null, null, false, null);
    }

    public Finding(String id, Severity severity, int rank, String title, String explanation, Evidence evidence,
                   Fix fix, FindingLink under, String rankReason) {
        this(id, severity, rank, title, explanation, evidence, fix, under, rankReason, false, null);
    }

    /** Marked inconclusive for {@code reason} and downgraded to info (the severity it had is named in the reason). */
    public Finding asInconclusive(String reason) {
        if (inconclusive) {
            return this;
        }
        String was = severity == Severity.INFO ? "" : " (would be " + severity.json() + ")";
        return new Finding(id, Severity.INFO, rank, title, explanation, evidence, fix, under, rankReason, true,
                reason + was);
    }

    public Finding withRank(int value) {
        return new Finding(id, severity, value, title, explanation, evidence, fix, under, rankReason, inconclusive,
                inconclusiveReason);
    }

    public Finding withFix(Fix value) {
        return new Finding(id, severity, rank, title, explanation, evidence, value, under, rankReason, inconclusive,
                inconclusiveReason);
    }

    public Finding withUnder(FindingLink value) {
        return new Finding(id, severity, rank, title, explanation, evidence, fix, value, rankReason, inconclusive,
                inconclusiveReason);
    }

    public Finding withRankReason(String value) {
        return new Finding(id, severity, rank, title, explanation, evidence, fix, under, value, inconclusive,
                inconclusiveReason);
    }

    /** Whether this finding is an entry of its own in the ranking (not under another one). */
    public boolean topLevel() {
        return under == null;
    }
}
