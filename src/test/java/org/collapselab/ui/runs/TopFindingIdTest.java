package org.collapselab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.collapselab.core.experiment.runs.RunSummary;
import org.junit.jupiter.api.Test;

/** The Runs screen's "Learn more" finds the catalogue id of the row's top finding from the row alone. */
class TopFindingIdTest {

    private static RunSummary row(String topFinding, String findingsText) {
        return new RunSummary(Path.of("run"), "run", "COMPLETED", Instant.EPOCH, 1, "samediff", Map.of(), 0.5, 0.5, 0.5,
                false, "", true, topFinding, 2, findingsText, "", null, null, Double.NaN, Double.NaN);
    }

    @Test
    void theIdIsTheOneListedJustBeforeTheTopFindingsTitle() {
        RunSummary run = row("Learning rate too high", "class-imbalance Classes are imbalanced 23:1 "
                + "learning-rate-too-high Learning rate too high");
        assertEquals("learning-rate-too-high", RunsScreen.topFindingId(run));
    }

    @Test
    void aRunWithoutFindingsHasNothingToExplain() {
        assertNull(RunsScreen.topFindingId(row("", "")));
        assertNull(RunsScreen.topFindingId(row("Something unknown", "not-a-catalogue-id Something unknown")));
    }
}
