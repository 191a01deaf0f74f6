package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A remedy written as config overrides ({@code set}: dotted path → value, as for {@code --set}),
 * with the result of its trial run when one was made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fix(String description, Map<String, Object> set, FixTrial trial) {
    public Fix {
        set = set == null ? Map.of() : Map.copyOf(set);
    }

    public Fix withTrial(FixTrial value) {
        return new Fix(description, set, value);
    }
}
