package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.collapselab.core.model.ConfigCodec;
import org.junit.jupiter.api.Test;

/** The real-data scorecard's cases are complete and consistent without its data (which only the scorecard needs). */
class RealDataCasesTest {
    @Test
    void casesCoverEightCausesAndThreeHealthySetsIncludingColourAndTinyOnes() {
        List<RealDataCases.Case> cases = RealDataCases.all();
        Set<String> causes = cases.stream().filter(c -> !c.healthy()).map(RealDataCases.Case::expected)
                .collect(Collectors.toSet());
        assertTrue(causes.size() >= 8, "distinct causes: " + causes);
        assertTrue(cases.stream().filter(RealDataCases.Case::healthy).count() >= 3);
        assertTrue(cases.stream().anyMatch(c -> c.healthy() && c.dataset().equals("photos4-colour")));
        assertTrue(cases.stream().anyMatch(c -> c.healthy() && c.dataset().equals("textures3-tiny")));
        assertTrue(cases.stream().filter(RealDataCases.Case::csv).count() >= 4);
        assertEquals(cases.size(), cases.stream().map(RealDataCases.Case::id).distinct().count());
    }

    @Test
    void everyExpectedFindingIsInTheCatalogue() {
        Set<String> declared = DiagnosticCatalog.defaultChecks().stream().flatMap(c -> c.findingIds().stream())
                .collect(Collectors.toSet());
        for (RealDataCases.Case c : RealDataCases.all()) {
            if (c.expected() != null) {
                assertTrue(declared.contains(c.expected()),
                        c.id() + " expects an undeclared finding " + c.expected());
            }
        }
    }

    @Test
    void committedConfigsAreTheCasesConfigsAndEachDatasetHasAChecksum() throws Exception {
        String sums = Files.readString(Path.of("docs", "scripts", "real-scorecard-datasets.sha256"));
        for (RealDataCases.Case c : RealDataCases.all()) {
            assertEquals(RealDataCases.config(c), ConfigCodec.read(RealDataCases.DIR.resolve(c.id() + ".json")),
                    "regenerate " + c.id() + " with RealDataCases.main");
            assertTrue(sums.contains("  " + c.dataset() + " ("), "no checksum for " + c.dataset());
        }
    }
}
