package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import org.collapselab.core.training.TrialCounts;

/**
 * What a step (or the cause ranking) cost: wall seconds, process CPU seconds (all threads; NaN when the JVM cannot
 * tell) and the experiment work it did. On a shared machine the CPU seconds and the counts are the figures to compare.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepWork(double seconds, double cpuSeconds, TrialCounts counts) {
    public StepWork {
        counts = counts == null ? TrialCounts.NONE : counts;
    }

    /** "cpu 12.3 s; 2 trials (1 cached), 8 epochs, 2,400 images, 40 probe steps", leaving out what is zero. */
    public String describe() {
        StringBuilder text = new StringBuilder(Double.isNaN(cpuSeconds) ? "cpu ?"
                : String.format(Locale.ROOT, "cpu %.1f s", cpuSeconds));
        if (counts.trials() > 0 || counts.cachedTrials() > 0) {
            text.append(String.format(Locale.ROOT, "; %d trial%s", counts.trials(), counts.trials() == 1 ? "" : "s"));
            if (counts.cachedTrials() > 0) {
                text.append(String.format(Locale.ROOT, " (+%d cached)", counts.cachedTrials()));
            }
        }
        if (counts.epochs() > 0) {
            text.append(String.format(Locale.ROOT, ", %d epochs", counts.epochs()));
        }
        if (counts.images() > 0) {
            text.append(String.format(Locale.ROOT, ", %,d images", counts.images()));
        }
        if (counts.probeSteps() > 0) {
            text.append(String.format(Locale.ROOT, ", %d probe steps", counts.probeSteps()));
        }
        return text.toString();
    }
}
