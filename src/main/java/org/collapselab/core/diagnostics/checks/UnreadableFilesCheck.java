package org.collapselab.core.diagnostics.checks;

import java.util.List;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code unreadable-files}: files the loader skipped. */
public final class UnreadableFilesCheck extends BaseCheck {
    public UnreadableFilesCheck() {
        super("unreadable-files", List.of("unreadable-files"), "Unreadable files",
                "Lists files that could not be decoded or sit outside a class folder.", Phase.DATA, false);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        int skipped = ctx.data().skippedCount();
        if (skipped == 0) {
            return List.of();
        }
        if (ctx.table() != null) {
            return List.of(finding(id(), Severity.INFO, skipped + " rows of the CSV file were skipped",
                    "These rows could not be parsed (a wrong number of cells, text in a numeric column, an empty label); "
                            + "their line numbers and reasons are in report.json. They are left out of training; if many "
                            + "of them belong to one class, that class is smaller than you think.",
                    skipped, 0, "any skipped row", null));
        }
        return List.of(finding(id(), Severity.INFO, skipped + " files were skipped",
                "These files could not be read as images or were not in a class folder. They are left out of training; "
                        + "if many of them belong to one class, that class is smaller than you think.",
                skipped, 0, "any skipped file", null));
    }
}
