package org.collapselab.core.training;

import java.util.List;

/** Whether the run collapsed (design §6), since which epoch, and onto which class. */
public record CollapseVerdict(boolean collapsed, Integer sinceEpoch, String dominantClass) {

    public static final CollapseVerdict NONE = new CollapseVerdict(false, null, null);

    /** Collapsed if the last epoch is; {@code sinceEpoch} is the start of the final run of collapsed epochs. */
    public static CollapseVerdict of(List<EpochMetrics> epochs) {
        if (epochs.isEmpty() || !epochs.get(epochs.size() - 1).collapsed()) {
            return NONE;
        }
        int since = epochs.size() - 1;
        while (since > 0 && epochs.get(since - 1).collapsed()) {
            since--;
        }
        ConfusionMatrix last = epochs.get(epochs.size() - 1).confusion();
        return new CollapseVerdict(true, epochs.get(since).epoch(), last.labels().get(last.dominantPrediction()));
    }
}
