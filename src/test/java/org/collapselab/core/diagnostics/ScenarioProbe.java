package org.collapselab.core.diagnostics;

import java.util.List;

/** Development aid: diagnoses the named scenarios and prints every ranked finding with its evidence. */
public final class ScenarioProbe {
    private ScenarioProbe() {
    }

    public static void main(String[] args) throws Exception {
        org.collapselab.core.util.NativeRuntime.configure();
        if (ScenarioScorecardTest.generated == null) {
            // Outside JUnit nobody fills the @TempDir for the generated scenario folders.
            ScenarioScorecardTest.generated = java.nio.file.Files.createTempDirectory("scenario-probe");
        }
        for (String id : args) {
            StringBuilder log = new StringBuilder();
            List<Finding> ranked = ScenarioScorecardTest.diagnose(id, log);
            System.out.println("== " + id);
            System.out.print(log);
            for (Finding f : ranked) {
                System.out.printf("  %d %-28s %-8s measured %.4g threshold %.4g  %s%s%n", f.rank(), f.id(), f.severity(),
                        f.evidence() == null ? Double.NaN : f.evidence().measured(),
                        f.evidence() == null ? Double.NaN : f.evidence().threshold(), f.title(),
                        f.fix() != null && f.fix().trial() != null ? "  trial " + f.fix().trial() : "");
            }
        }
    }
}
