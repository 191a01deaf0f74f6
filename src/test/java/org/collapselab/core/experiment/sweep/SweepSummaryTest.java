package org.collapselab.core.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-words summary and sweep.html, from synthetic trial rows. */
class SweepSummaryTest {

    private static List<TrialResult> rows(SweepSpec spec, java.util.function.Predicate<Trial> collapses) {
        List<TrialResult> rows = new ArrayList<>();
        int i = 1;
        for (Map<String, String> values : SweepPlan.configurations(spec)) {
            Trial t = new Trial(i++, 0, 4, values);
            TrialResult r = SweepResumeTest.scored(t);
            boolean c = collapses.test(t);
            rows.add(new TrialResult(r.trial(), 0, 4, values, r.status(), c ? 1 / 3.0 : r.objective(), c ? 1 / 3.0 : r.objective(),
                    0.9, 0.3, 0.5, c, c ? "circle" : "", "", 1, r.runFolder(), ""));
        }
        return rows;
    }

    @Test
    void saysWhereItCollapsesAndWhatRemovesIt() throws Exception {
        SweepSpec spec = SweepResumeTest.spec(false, 4, "training.learningRate=1e-4,1e-3,3e-3,1e-2,3e-2",
                "data.balance=none,class-weights");
        List<TrialResult> rows = rows(spec, t -> Double.parseDouble(t.parameters().get("training.learningRate")) > 1e-3
                && t.parameters().get("data.balance").equals("none"));
        String summary = SweepSummary.describe(spec, rows);
        assertTrue(summary.startsWith("3 of 10 trials that trained collapsed (predicted 'circle'"), summary);
        assertTrue(summary.contains("With balance none it collapses for every learning rate from 3e-3 up and not at 1e-3 or below"), summary);
        assertTrue(summary.contains("With balance class-weights it does not collapse at any learning rate tried"), summary);
        assertTrue(summary.contains("Balance class-weights removes the collapse at every learning rate tried"), summary);
        assertTrue(summary.contains("Best balanced accuracy 0.904 with learning rate 1e-3, balance none (trial-003)"), summary);
    }

    @Test
    void theWordsFollowTheTrialsNotATemplate() throws Exception {
        SweepSpec spec = SweepResumeTest.spec(false, 4, "training.learningRate=1e-4,1e-3,3e-3,1e-2,3e-2",
                "data.balance=none,class-weights");
        // Now low rates collapse, with either balance: no choice removes it.
        String summary = SweepSummary.describe(spec, rows(spec,
                t -> Double.parseDouble(t.parameters().get("training.learningRate")) < 3e-3));
        assertTrue(summary.contains("collapses for every learning rate up to 1e-3 and not from 3e-3 up"), summary);
        assertFalse(summary.contains("removes the collapse"), summary);
        assertTrue(SweepSummary.describe(spec, rows(spec, t -> false)).startsWith("No trial collapsed (10 trained)"));
        assertTrue(SweepSummary.describe(spec, rows(spec, t -> true)).contains("collapses at every value tried"));
    }

    @Test
    void heatMapMarksCollapsedCellsOutlinesTheBestAndEscapesText(@TempDir Path dir) throws Exception {
        SweepSpec spec = SweepResumeTest.spec(false, 4, "training.learningRate=1e-3,1e-2", "data.balance=none,class-weights");
        List<TrialResult> rows = new ArrayList<>(rows(spec, t -> t.index() == 3));
        TrialResult r = rows.get(1);
        rows.set(1, new TrialResult(r.trial(), 0, 4, r.parameters(), TrialResult.FAILED, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, false, "", "", 1, r.runFolder(), "<script>alert(1)</script>"));
        SweepOutcome outcome = SweepRunner.finish(spec, dir, rows, true);
        String html = java.nio.file.Files.readString(dir.resolve("sweep.html"));
        assertFalse(html.contains("<script>"), "text from trials is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(1, count(html, "fill=\"url(#hatch)\""), "one collapsed cell");
        assertEquals(1, count(html, "stroke-width=\"4\""), "one best outline");
        assertTrue(html.contains(SweepHtml.esc(outcome.summary())));
        assertFalse(html.contains("<polyline"), "two grid parameters: a heat map, no parallel coordinates");
    }

    @Test
    void oneParameterGetsAScatterAndParallelCoordinates(@TempDir Path dir) throws Exception {
        SweepSpec spec = SweepResumeTest.spec(false, 4, "training.learningRate=log:1e-4..1e-1:4");
        List<TrialResult> rows = rows(spec, t -> Double.parseDouble(t.parameters().get("training.learningRate")) > 3e-3);
        SweepRunner.finish(spec, dir, rows, true);
        String html = java.nio.file.Files.readString(dir.resolve("sweep.html"));
        assertTrue(html.contains("against learning rate"));
        assertEquals(4, count(html, "<polyline"), "one line per trial");
        assertEquals(2, count(html, "stroke=\"#d62728\" stroke-width=\"2\""), "two collapsed crosses in the scatter");
        assertFalse(html.contains("url(#hatch)\"/>"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
