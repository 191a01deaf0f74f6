package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code duplicate-rows} (CSV data): rows whose inputs are identical to an earlier row's, within the training rows and
 * across training and validation. Repeats inside training weight some rows more; repeats across the split let the
 * validation score measure memory rather than generalisation; identical inputs with different labels cap what any
 * model can reach. Pure; hashes each row once.
 */
public final class DuplicateRowsCheck extends BaseCheck {
    /** Share of validation rows that also appear in training above which the validation score is not trusted. */
    public static final double CROSS_SHARE = 0.01;
    /** Share of repeated training rows worth a warning. */
    public static final double TRAIN_SHARE = 0.05;

    public DuplicateRowsCheck() {
        super("duplicate-rows", List.of("duplicate-rows"), "Duplicate rows",
                "Finds CSV rows with identical inputs, inside the training rows and across training and validation.",
                Phase.DATA, false);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return ctx.table() == null ? "only for CSV data" : null;
    }

    /** Counts of repeated rows: within {@code train}, validation rows also in train, and conflicting labels. */
    public record Duplicates(int inTraining, int acrossSplit, int conflictingLabels, List<Integer> exampleLines) {
    }

    public static Duplicates find(TableDataset data, int[] train, int[] validation) {
        Map<RowKey, Integer> firstTrainRow = new HashMap<>();
        int inTraining = 0;
        int conflicting = 0;
        List<Integer> examples = new ArrayList<>();
        for (int row : train) {
            Integer earlier = firstTrainRow.putIfAbsent(new RowKey(data.row(row)), row);
            if (earlier != null) {
                inTraining++;
                conflicting += data.label(earlier) != data.label(row) ? 1 : 0;
                addExample(examples, data.line(earlier), data.line(row));
            }
        }
        int across = 0;
        for (int row : validation) {
            Integer twin = firstTrainRow.get(new RowKey(data.row(row)));
            if (twin != null) {
                across++;
                conflicting += data.label(twin) != data.label(row) ? 1 : 0;
                addExample(examples, data.line(twin), data.line(row));
            }
        }
        return new Duplicates(inTraining, across, conflicting, List.copyOf(examples));
    }

    private static void addExample(List<Integer> examples, int firstLine, int repeatLine) {
        if (examples.size() < 6) {
            examples.add(firstLine);
            examples.add(repeatLine);
        }
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        int[] train = ctx.train().indices();
        int[] validation = ctx.validation().indices();
        Duplicates found = find(ctx.table(), train, validation);
        if (found.inTraining() == 0 && found.acrossSplit() == 0) {
            return List.of();
        }
        double crossShare = validation.length == 0 ? 0 : (double) found.acrossSplit() / validation.length;
        double trainShare = (double) found.inTraining() / Math.max(1, train.length);
        boolean serious = crossShare >= CROSS_SHARE || trainShare >= TRAIN_SHARE;
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i + 1 < found.exampleLines().size(); i += 2) {
            pairs.append(pairs.length() == 0 ? "" : ", ").append(found.exampleLines().get(i)).append('=')
                    .append(found.exampleLines().get(i + 1));
        }
        return List.of(finding(id(), serious ? Severity.WARNING : Severity.INFO,
                String.format(Locale.ROOT, "%d repeated training rows; %d validation rows (%.1f%%) also in training",
                        found.inTraining(), found.acrossSplit(), 100 * crossShare),
                String.format(Locale.ROOT, "Rows with identical inputs: repeats inside the training rows count those "
                        + "rows several times in the loss; validation rows that also appear in training make the "
                        + "validation score a test of memory, so it overstates how the model does on new rows. %d of the "
                        + "repeats have a different label than their twin, which no model can get right. Lines (first=repeat): %s.",
                        found.conflictingLabels(), pairs),
                crossShare, CROSS_SHARE, "duplicates across the split inflate validation scores (Allamanis 2019, 'The "
                        + "adverse effects of code duplication in machine learning models of code'); flagged at 1% of "
                        + "validation rows, or 5% of training rows repeated",
                fix("Remove duplicate rows before splitting (keep one of each)", Map.of())));
    }

    /** A row's features by value (NaN-safe, since Arrays.equals on floats compares bit patterns). */
    private record RowKey(float[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
