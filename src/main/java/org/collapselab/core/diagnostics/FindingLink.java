package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a finding is listed under another one in the cause ranking: the other one's cause explains it (a link of a
 * cause chain, {@code because} says how), or both offer the same fix and are one entry.
 */
public record FindingLink(String id, Relation relation, String because) {
    /** How the finding relates to the one it is listed under. */
    public enum Relation {
        /** The finding {@link #id()} explains this one: a symptom of it, the next link of its cause chain. */
        SYMPTOM,
        /** Both offer the same config change; one entry, one trial. */
        SAME_FIX;

        @JsonValue
        public String json() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
