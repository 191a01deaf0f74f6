package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranking rule on hand-made findings and trials. */
class CauseRankerTest {
    private static Finding f(String id, Severity severity, Double before, Double after) {
        Fix fix = before == null ? null : new Fix("fix " + id, Map.of("k." + id, 1), new FixTrial(before, after));
        return new Finding(id, severity, 0, id, "because", new Evidence(1, 0, "test"), fix);
    }

    @Test
    void ranksConfirmedFixesByGainThenTheRestBySeverity() {
        List<Finding> ranked = CauseRanker.order(List.of(
                f("collapsed-predictions", Severity.CRITICAL, null, null),
                f("dead-relu", Severity.WARNING, 0.33, 0.50),
                f("class-imbalance", Severity.CRITICAL, 0.33, 0.90),
                f("tiny-class", Severity.WARNING, 0.33, 0.34),
                f("no-class-signal", Severity.CRITICAL, null, null)), Map.of());
        assertEquals(List.of("class-imbalance", "dead-relu", "no-class-signal", "collapsed-predictions", "tiny-class"),
                ranked.stream().map(Finding::id).toList());
    }

    @Test
    void aShortcutTheModelReliesOnRanksBeforeEveryTrialGainAndSaysWhy() {
        // The id-leak scenario: class weights "gain" 0.57 → 0.97 in a trial whose validation rows carry the leak too.
        Finding leak = new Finding("spurious-feature", Severity.CRITICAL, 0, "relied on", "because",
                new Evidence(0.9, 1.0 / 3, "test"), new Fix("Drop the column", Map.of(), null));
        List<Finding> ranked = CauseRanker.arrange(List.of(f("class-imbalance", Severity.CRITICAL, 0.57, 0.97), leak),
                Map.of());
        assertEquals(List.of("spurious-feature", "class-imbalance"), ids(ranked));
        assertTrue(ranked.get(0).rankReason().contains("relies on this shortcut"), ranked.get(0).rankReason());
        // Only available (a warning, not measured on a model): the trial gain decides as usual.
        Finding available = new Finding("spurious-feature", Severity.WARNING, 0, "available", "because",
                new Evidence(0.99, 0.95, "test"), new Fix("Drop the column", Map.of(), null));
        assertEquals(List.of("class-imbalance", "spurious-feature"), ids(CauseRanker.arrange(
                List.of(f("class-imbalance", Severity.CRITICAL, 0.57, 0.97), available), Map.of())));
    }

    @Test
    void onEqualGainsCausesBeatSymptomsAndMeasuredBeatsPredicted() {
        List<Finding> ranked = CauseRanker.order(List.of(
                f("nan-loss", Severity.CRITICAL, 0.33, 0.9),
                f("learning-rate-out-of-range", Severity.WARNING, 0.33, 0.9),
                f("learning-rate-too-high", Severity.WARNING, 0.33, 0.9)),
                Map.of("learning-rate-out-of-range", Phase.CONFIG, "learning-rate-too-high", Phase.TRAINING,
                        "nan-loss", Phase.TRAINING));
        assertEquals(List.of("learning-rate-too-high", "learning-rate-out-of-range", "nan-loss"),
                ranked.stream().map(Finding::id).toList());
    }

    @Test
    void mergesFindingsWithTheSameIdKeepingTheMostSevere() {
        List<Finding> merged = CauseRanker.mergeById(List.of(f("a", Severity.WARNING, null, null),
                f("a", Severity.CRITICAL, null, null), f("b", Severity.INFO, null, null)));
        assertEquals(2, merged.size());
        assertEquals(Severity.CRITICAL, merged.get(0).severity());
    }

    private static Finding withFix(String id, Severity severity, Map<String, Object> set, FixTrial trial) {
        return new Finding(id, severity, 0, id, "because", new Evidence(1, 0, "test"), new Fix("fix " + id, set, trial));
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    private static Finding byId(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void findingsThatOfferTheSameFixAreOneEntryWithOneRank() {
        Map<String, Object> lower = Map.of("training.learningRate", 3e-5);
        FixTrial trial = new FixTrial(0.33, 0.31, 4, 400, 78, 3, 1.0 / 9);
        List<Finding> ranked = CauseRanker.arrange(List.of(
                withFix("learning-rate-out-of-range", Severity.WARNING, lower, trial),
                withFix("class-imbalance", Severity.CRITICAL, Map.of("data.balance", "class-weights"), null),
                withFix("learning-rate-too-high", Severity.WARNING, lower, trial)),
                Map.of("learning-rate-out-of-range", Phase.CONFIG, "learning-rate-too-high", Phase.PREFLIGHT));

        assertEquals(List.of("class-imbalance", "learning-rate-too-high", "learning-rate-out-of-range"), ids(ranked));
        Finding merged = byId(ranked, "learning-rate-out-of-range");
        assertEquals(FindingLink.Relation.SAME_FIX, merged.under().relation());
        assertEquals("learning-rate-too-high", merged.under().id(), "the measured finding leads its entry");
        assertEquals(2, merged.rank(), "one rank for the entry");
        assertEquals(2, ranked.stream().filter(Finding::topLevel).count());
    }

    @Test
    void aSymptomThatSharesItsCausesFixIsListedAsASymptom() {
        Map<String, Object> weights = Map.of("data.balance", "class-weights");
        List<Finding> ranked = CauseRanker.arrange(List.of(
                withFix("collapsed-predictions", Severity.CRITICAL, weights, null),
                withFix("class-imbalance", Severity.CRITICAL, weights, null)), Map.of());

        assertEquals(List.of("class-imbalance", "collapsed-predictions"), ids(ranked));
        FindingLink link = byId(ranked, "collapsed-predictions").under();
        assertEquals(FindingLink.Relation.SYMPTOM, link.relation());
        assertTrue(link.because().endsWith("; same fix"), link.because());
    }

    @Test
    void aSymptomIsListedUnderItsCauseAndTheChainReadsRootFirst() {
        List<Finding> ranked = CauseRanker.arrange(List.of(
                f("collapsed-predictions", Severity.CRITICAL, null, null),
                f("dead-relu", Severity.CRITICAL, null, null),
                f("learning-rate-too-high", Severity.WARNING, null, null),
                f("spurious-feature", Severity.WARNING, null, null)), Map.of());

        assertEquals(List.of("learning-rate-too-high", "dead-relu", "collapsed-predictions", "spurious-feature"),
                ids(ranked));
        assertNull(ranked.get(0).under());
        assertEquals("learning-rate-too-high", byId(ranked, "dead-relu").under().id());
        assertEquals("dead-relu", byId(ranked, "collapsed-predictions").under().id(), "the most specific cause");
        assertEquals(FindingLink.Relation.SYMPTOM, byId(ranked, "collapsed-predictions").under().relation());
        assertEquals(1, byId(ranked, "collapsed-predictions").rank());
        assertEquals(2, byId(ranked, "spurious-feature").rank());
    }

    @Test
    void stillImprovingUnderAnOutputMismatchIsNotASecondCriticalEntry() {
        List<Finding> ranked = CauseRanker.arrange(List.of(
                f("still-improving", Severity.CRITICAL, null, null),
                f("output-activation-mismatch", Severity.CRITICAL, null, null),
                f("initial-loss-off", Severity.WARNING, null, null)), Map.of());

        assertEquals(List.of("output-activation-mismatch", "initial-loss-off", "still-improving"), ids(ranked));
        assertEquals(1, ranked.stream().filter(Finding::topLevel).count(), "one entry: the chain");
        assertEquals("initial-loss-off", byId(ranked, "still-improving").under().id());
    }

    @Test
    void stillImprovingGoesUnderAnOutputMismatchEvenWithoutAnInitialLossFinding() {
        List<Finding> ranked = CauseRanker.arrange(List.of(
                f("output-activation-mismatch", Severity.CRITICAL, 0.34, 0.67),
                f("still-improving", Severity.CRITICAL, 0.34, 0.35),
                f("cannot-overfit-small-batch", Severity.WARNING, null, null)), Map.of());

        assertEquals(1, ranked.stream().filter(Finding::topLevel).count(), ranked.toString());
        assertEquals("output-activation-mismatch", byId(ranked, "still-improving").under().id());
    }

    @Test
    void aConfirmedFixAnywhereInAChainRanksTheChain() {
        List<Finding> ranked = CauseRanker.arrange(List.of(
                f("class-imbalance", Severity.CRITICAL, 0.33, 0.34),
                f("dead-relu", Severity.WARNING, 0.33, 0.60),
                f("learning-rate-too-high", Severity.WARNING, 0.33, 0.35)), Map.of());

        assertEquals("learning-rate-too-high", ranked.get(0).id());
        assertTrue(ranked.get(0).rankReason().startsWith("The fix of dead-relu under it raised balanced accuracy"),
                ranked.get(0).rankReason());
    }

    @Test
    void everyEntrySaysWhyItHoldsItsPlace() {
        Map<String, Object> weights = Map.of("data.balance", "class-weights");
        List<Finding> ranked = CauseRanker.arrange(List.of(
                withFix("class-imbalance", Severity.CRITICAL, weights, new FixTrial(0.33, 0.31, 4, 400, 78, 3, 1.0 / 9)),
                withFix("tiny-class", Severity.WARNING, Map.of("data.augment", true), null),
                f("spurious-feature", Severity.WARNING, null, null),
                withFix("learning-rate-too-low", Severity.WARNING, Map.of("training.learningRate", 1e-3),
                        new FixTrial(0.33, 0.62, 4, 400, 78, 3, 1.0 / 9))), Map.of());

        for (Finding f : ranked) {
            assertTrue(f.topLevel() == (f.rankReason() != null), f.id());
        }
        assertEquals("learning-rate-too-low", ranked.get(0).id());
        assertTrue(ranked.get(0).rankReason().contains("0.33 → 0.62 (+0.29)"), ranked.get(0).rankReason());
        String imbalance = byId(ranked, "class-imbalance").rankReason();
        assertTrue(imbalance.startsWith("Trial inconclusive (0.33 → 0.31 (−0.02), 4-epoch trial on 400 training and 78 "
                + "validation images"), imbalance);
        assertTrue(imbalance.contains("3 images of its smallest class, so one image moves balanced accuracy by 0.11"),
                imbalance);
        assertTrue(imbalance.endsWith("placed by severity (critical)."), imbalance);
        assertTrue(byId(ranked, "tiny-class").rankReason().startsWith("Its fix was not tried"));
        assertTrue(byId(ranked, "spurious-feature").rankReason().startsWith("No config change to try"));
    }

    @Test
    void theCauseLinksFormNoCycle() {
        Map<String, List<String>> effects = new HashMap<>();
        for (CauseChains.Link l : CauseChains.links()) {
            effects.computeIfAbsent(l.cause(), k -> new ArrayList<>()).add(l.effect());
        }
        for (String start : effects.keySet()) {
            List<String> path = new ArrayList<>(List.of(start));
            assertNoCycle(start, effects, new HashSet<>(), path);
        }
    }

    private static void assertNoCycle(String id, Map<String, List<String>> effects, java.util.Set<String> onPath,
                                      List<String> path) {
        assertTrue(onPath.add(id), "cycle: " + path);
        for (String next : effects.getOrDefault(id, List.of())) {
            path.add(next);
            assertNoCycle(next, effects, onPath, path);
            path.remove(path.size() - 1);
        }
        onPath.remove(id);
    }

    @Test
    void theLinksNameOnlyFindingIdsTheCatalogueReports() {
        java.util.Set<String> known = new HashSet<>();
        DiagnosticCatalog.defaultChecks().forEach(c -> known.addAll(c.findingIds()));
        for (CauseChains.Link l : CauseChains.links()) {
            assertTrue(known.contains(l.cause()) && known.contains(l.effect()), l.cause() + " → " + l.effect());
        }
    }

    @Test
    void theChainAndTheReasonSurviveReportJson() throws Exception {
        List<Finding> ranked = CauseRanker.arrange(List.of(
                withFix("learning-rate-too-high", Severity.WARNING, Map.of("training.learningRate", 3e-5),
                        new FixTrial(0.33, 0.31, 4, 400, 78, 3, 1.0 / 9)),
                f("dead-relu", Severity.CRITICAL, null, null)), Map.of());
        String json = org.collapselab.core.util.Json.MAPPER.writeValueAsString(ranked);
        var tree = org.collapselab.core.util.Json.MAPPER.readTree(json);
        assertEquals("learning-rate-too-high", tree.get(1).get("under").get("id").asText());
        assertEquals("symptom", tree.get(1).get("under").get("relation").asText());
        assertEquals(3, tree.get(0).get("fix").get("trial").get("smallestClassImages").asInt());
        Finding[] back = org.collapselab.core.util.Json.MAPPER.readValue(json, Finding[].class);
        assertEquals(ranked, List.of(back));
    }
}
