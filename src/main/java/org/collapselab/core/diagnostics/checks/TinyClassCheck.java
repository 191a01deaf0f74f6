package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code tiny-class}: a class with fewer than 10 images. */
public final class TinyClassCheck extends BaseCheck {
    public static final int TINY = 10;

    public TinyClassCheck() {
        super("tiny-class", List.of("tiny-class"), "Tiny classes",
                "Flags classes with too few images to learn from or to validate.", Phase.DATA, false);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        int[] counts = ctx.data().classCounts();
        List<Finding> findings = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < TINY) {
                String name = ctx.data().classes().get(c);
                findings.add(finding(id(), Severity.WARNING, "Class '" + name + "' has only " + counts[c] + " images",
                        "With so few examples the class barely moves the loss, and the validation split may hold one "
                                + "image of it or none; the network can ignore it at almost no cost.",
                        counts[c], TINY, "rule of thumb: at least 10 images per class",
                        ctx.config().data().balance() == Balance.NONE
                                ? fix("Oversample rare classes", Map.of(ConfigPaths.BALANCE, "oversample")) : null));
            }
        }
        return findings;
    }
}
