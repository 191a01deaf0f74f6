package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue describes itself: unique steps, declared findings and symptoms, and a user document that matches. */
class DiagnosticCatalogTest {
    private static final Path DOCUMENT = Path.of("docs", "diagnostics.md");
    private static final Map<Phase, String> PHASE_NAMES = Map.of(Phase.DATA, "data", Phase.CONFIG, "config",
            Phase.PREFLIGHT, "pre-flight", Phase.TRAINING, "training", Phase.POST_TRAINING, "post");

    private static final List<DiagnosticCheck> CHECKS = DiagnosticCatalog.defaultChecks();

    @Test
    void stepIdsAreUniqueAndEachCheckListsItsFindingIdsOnce() {
        Set<String> steps = new HashSet<>();
        for (DiagnosticCheck check : CHECKS) {
            assertTrue(steps.add(check.id()), "two steps with id " + check.id());
            assertEquals(Set.copyOf(check.findingIds()).size(), check.findingIds().size(), check.id() + " repeats an id");
        }
    }

    @Test
    void aFindingIdIsASymptomForEveryCheckThatReportsItOrForNone() {
        Map<String, Boolean> symptom = new HashMap<>();
        for (DiagnosticCheck check : CHECKS) {
            for (String id : check.findingIds()) {
                Boolean before = symptom.putIfAbsent(id, check.reportsSymptoms());
                assertTrue(before == null || before == check.reportsSymptoms(),
                        id + " is a symptom for one check and a cause for another (" + check.id() + ")");
            }
        }
    }

    @Test
    void theRankingsSymptomsAreTheOnesTheChecksDeclare() {
        // The list CauseRanker used to hard-code; the declarations must keep the ranking as it was.
        assertEquals(Set.of("collapsed-predictions", "never-predicted-classes", "nan-loss", "cannot-overfit-small-batch",
                "ignores-input", "initial-loss-off", "saturated-activations"), DiagnosticCatalog.symptomIds());
        assertEquals(DiagnosticCatalog.symptomIds(), CauseRanker.SYMPTOMS);
    }

    @Test
    void derivedListsFollowThePhasesOfTheWalkthrough() {
        assertEquals(ids(CHECKS.stream().filter(c -> !c.active() && c.phase() == Phase.TRAINING).toList()),
                ids(DiagnosticCatalog.monitoringChecks()));
        assertEquals(List.of("nan-loss", "collapsed-predictions", "never-predicted-classes", "loss-dynamics"),
                ids(DiagnosticCatalog.monitoringChecks()).subList(0, 4), "a run's outcome first, then its monitoring");
        assertTrue(DiagnosticCatalog.dataChecks().stream().allMatch(c -> c.phase() == Phase.DATA && !c.active()));
        assertTrue(DiagnosticCatalog.configChecks().stream().allMatch(c -> c.phase() == Phase.CONFIG && !c.active()));
        List<Phase> order = CHECKS.stream().map(DiagnosticCheck::phase).toList();
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i).compareTo(order.get(i - 1)) >= 0, "phases run in order at step " + (i + 1));
        }
    }

    /** One row of the catalogue table in docs/diagnostics.md. */
    record Row(int number, String className, String phase, boolean active, boolean symptom, Set<String> findingIds) {
    }

    static List<Row> documentedRows() throws Exception {
        List<Row> rows = new ArrayList<>();
        Pattern backticked = Pattern.compile("`([^`]+)`");
        for (String line : Files.readAllLines(DOCUMENT)) {
            // Cells split on pipes that are not escaped (the thresholds contain \|L0 − ln C\|).
            String[] cells = line.trim().replaceAll("^\\||\\|$", "").split("(?<!\\\\)\\|", -1);
            if (!line.startsWith("|") || cells.length != 7 || !cells[0].trim().matches("\\d+")) {
                continue;
            }
            Set<String> ids = new HashSet<>();
            Matcher m = backticked.matcher(cells[5]);
            while (m.find()) {
                ids.add(m.group(1));
            }
            rows.add(new Row(Integer.parseInt(cells[0].trim()), cells[1].trim().replace("`", ""), cells[2].trim(),
                    cells[3].trim().equals("✓"), cells[4].trim().equals("✓"), ids));
        }
        return rows;
    }

    @Test
    void theDocumentsTableMatchesTheCatalogue() throws Exception {
        List<Row> rows = documentedRows();
        assertFalse(rows.isEmpty(), "no catalogue table found in " + DOCUMENT);
        List<Row> expected = new ArrayList<>();
        for (int i = 0; i < CHECKS.size(); i++) {
            DiagnosticCheck c = CHECKS.get(i);
            expected.add(new Row(i + 1, c.getClass().getSimpleName(), PHASE_NAMES.get(c.phase()), c.active(),
                    c.reportsSymptoms(), Set.copyOf(c.findingIds())));
        }
        for (int i = 0; i < Math.min(rows.size(), expected.size()); i++) {
            assertEquals(expected.get(i), rows.get(i), DOCUMENT + " row " + (i + 1));
        }
        assertEquals(expected.size(), rows.size(), DOCUMENT + " lists another number of checks");
    }

    @Test
    void theTableParserSeesEveryColumn() throws Exception {
        Row initialLoss = documentedRows().stream().filter(r -> r.className().equals("InitialLossCheck"))
                .findFirst().orElseThrow();
        assertEquals(new Row(initialLoss.number(), "InitialLossCheck", "pre-flight", true, true, Set.of("initial-loss-off")),
                initialLoss, "escaped pipes in the threshold must not shift the columns");
    }

    private static List<String> ids(List<DiagnosticCheck> checks) {
        return checks.stream().map(DiagnosticCheck::id).toList();
    }
}
