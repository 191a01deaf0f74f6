package org.collapselab.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.DiagnosticSession;
import org.collapselab.core.diagnostics.Finding;

/** What every finding a check emits must satisfy, asserted wherever the tests run checks. */
public final class CatalogAssertions {
    /** Citations of the project's own planning documents, which users do not have. */
    private static final Pattern INTERNAL_DOCUMENT = Pattern.compile("(?i)(design|style)\\s*§");

    private CatalogAssertions() {
    }

    /** Each finding's id is declared by {@code check}, and its evidence cites a published source or a measurement. */
    public static void declaredAndCited(DiagnosticCheck check, List<Finding> findings) {
        for (Finding f : findings) {
            assertTrue(check.findingIds().contains(f.id()),
                    check.id() + " emitted '" + f.id() + "' but declares only " + check.findingIds());
            citesNoInternalDocument(f);
        }
    }

    /** The same for every step a session ran. */
    public static void declaredAndCited(DiagnosticSession session) {
        for (int i = 0; i < session.size(); i++) {
            declaredAndCited(session.checks().get(i), session.result(i).findings());
        }
    }

    public static void citesNoInternalDocument(Finding f) {
        assertNotNull(f.evidence(), f.id() + " has no evidence");
        String source = f.evidence().source();
        assertTrue(source != null && !source.isBlank(), f.id() + " has no evidence source");
        assertFalse(INTERNAL_DOCUMENT.matcher(source).find(), f.id() + " cites an internal document: " + source);
    }
}
