package org.collapselab.core.diagnostics.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.testsupport.ShortcutCases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network really trained on the brightness-shortcut scenario (the default engine) relies on the brightness: with
 * each validation image's brightness and contrast equalized it loses at least a third of its skill above chance, so
 * the counterfactual test calls it critical. Trains for about 30 s: in the scorecard profile, beside the scorecard
 * that checks the scenario ranks it first.
 */
@Tag("scorecard")
class ShortcutRelianceTrainingTest {
    @TempDir
    Path work;

    @Test
    void aNetworkTrainedOnTheBrightnessShortcutReliesOnIt() throws Exception {
        ShortcutCases.Case trained = ShortcutCases.brightnessScenario(work);
        assertEquals(1, trained.findings().size(), trained.findings().toString());
        Finding f = trained.findings().get(0);
        System.out.println(f.title() + " — skill lost " + f.evidence().measured());
        assertEquals(Severity.CRITICAL, f.severity(), f.title() + ": " + f.explanation());
        assertTrue(f.evidence().measured() >= ShortcutReliance.RELIED_ON, "skill lost " + f.evidence().measured());
        ChartData bars = trained.context().charts("spurious-feature").stream()
                .filter(c -> c.id().equals("shortcut-counterfactual")).findFirst().orElseThrow();
        assertTrue(bars.series().get(0).points().get(0).y() > 0.9, "the model is right on the original images");
    }
}
