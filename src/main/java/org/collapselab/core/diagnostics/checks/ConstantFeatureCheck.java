package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code constant-feature} (CSV data): columns whose value never changes over the training rows (for series, channels
 * that never change). They carry no information; when every input is constant, the network can only learn the class
 * frequencies and answers the majority class. Pure; fast.
 */
public final class ConstantFeatureCheck extends BaseCheck {
    public ConstantFeatureCheck() {
        super("constant-feature", List.of("constant-feature"), "Constant columns",
                "Lists CSV columns whose value is the same in every training row: they cannot tell the classes apart.",
                Phase.DATA, false);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return ctx.table() == null ? "only for CSV data" : null;
    }

    /** The constant source columns (for series: the constant channels, as "channel N") over {@code rows}. */
    public static List<String> constantInputs(TableDataset data, int[] rows) {
        boolean sequence = data.kind() == TableKind.SEQUENCE;
        int groups = sequence ? data.channels() : data.featureCount();
        boolean[] varies = new boolean[groups];
        float[] first = new float[groups];
        boolean[] seen = new boolean[groups];
        for (int row : rows) {
            for (int j = 0; j < data.featureCount(); j++) {
                int g = j % groups;
                float v = data.value(row, j);
                if (!seen[g]) {
                    seen[g] = true;
                    first[g] = v;
                } else if (Float.compare(v, first[g]) != 0) {
                    varies[g] = true;
                }
            }
        }
        List<String> constant = new ArrayList<>();
        if (sequence) {
            for (int c = 0; c < groups; c++) {
                if (!varies[c]) {
                    constant.add("channel " + c);
                }
            }
            return constant;
        }
        // A one-hot column is constant when none of its level features varies.
        data.featuresByColumn().forEach((column, features) -> {
            if (features.stream().noneMatch(j -> varies[j])) {
                constant.add(column);
            }
        });
        return constant;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TableDataset data = ctx.table();
        List<String> constant = constantInputs(data, ctx.train().indices());
        if (constant.isEmpty()) {
            return List.of();
        }
        int inputs = data.kind() == TableKind.SEQUENCE ? data.channels() : data.featuresByColumn().size();
        boolean all = constant.size() == inputs;
        return List.of(finding(id(), all ? Severity.CRITICAL : Severity.INFO,
                all ? "Every input column is constant" : String.format(Locale.ROOT, "%d constant column%s: %s",
                        constant.size(), constant.size() == 1 ? "" : "s", String.join(", ", constant)),
                all ? "No input changes from row to row, so nothing tells the classes apart: the network can only learn "
                        + "how common each class is and predicts the largest one for every row."
                        : "These columns hold the same value in every training row. They cannot help the network and "
                        + "after standardization they are all zero; drop them, or check whether the export lost their "
                        + "values (a default filled in, a unit column).",
                constant.size(), 0, "a column with one value over the training rows carries no information", all
                        ? null : fix("Drop the constant column" + (constant.size() == 1 ? "" : "s") + " from the CSV",
                        Map.of())));
    }
}
