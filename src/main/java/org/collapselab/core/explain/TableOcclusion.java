package org.collapselab.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableFingerprint;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.training.TableModel;

/**
 * Occlusion for a CSV row, the table counterpart of {@link OcclusionSensitivity}: each part of the row is replaced by
 * the training rows' average, and the drop in the predicted class's evidence (its log-odds, in nats, as in
 * {@link OcclusionMap}) is recorded. A part is a source column for tabular rows (all levels of a one-hot column
 * together) and one of at most {@value #SEGMENTS} equal segments of the time axis for a series (every channel).
 * Only {@link TableModel#predictProbabilities} is called, on one batch of the row and its occluded copies. Blocking;
 * call from a worker thread.
 *
 * @param parts       the column names, or "steps a–b" for series segments
 * @param drop        per part, how much the predicted class's log-odds fall when that part is averaged away
 * @param targetClass the class predicted for the row as it is
 * @param probability that class's probability on the row as it is
 */
public record TableOcclusion(List<String> parts, double[] drop, int targetClass, float probability) {
    /** Segments of a series: enough to say where in time, few enough to read as bars. */
    public static final int SEGMENTS = 12;

    public TableOcclusion {
        parts = List.copyOf(parts);
        drop = drop.clone();
        if (drop.length != parts.size()) {
            throw new IllegalArgumentException(drop.length + " drops for " + parts.size() + " parts");
        }
    }

    /** The part whose removal costs the prediction most. */
    public int strongestPart() {
        int best = 0;
        for (int i = 1; i < drop.length; i++) {
            if (drop[i] > drop[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Occlusion of row {@code row} of {@code rows}, which must be aligned to the model's features. */
    public static TableOcclusion of(TableModel model, TableDataset rows, int row) {
        if (!rows.featureNames().equals(model.featureNames())) {
            throw new IllegalArgumentException("the rows are not aligned to the model's features");
        }
        float[] original = rows.row(row);
        float[] average = averages(model, rows);
        List<String> parts = new ArrayList<>();
        List<int[]> features = new ArrayList<>();
        if (rows.kind() == TableKind.SEQUENCE) {
            int steps = rows.sequenceLength();
            int segments = Math.min(SEGMENTS, steps);
            for (int s = 0; s < segments; s++) {
                int from = s * steps / segments;
                int to = (s + 1) * steps / segments;
                int[] indices = new int[(to - from) * rows.channels()];
                for (int t = from; t < to; t++) {
                    for (int c = 0; c < rows.channels(); c++) {
                        indices[(t - from) * rows.channels() + c] = t * rows.channels() + c;
                    }
                }
                parts.add(to - from == 1 ? "step " + (from + 1) : "steps " + (from + 1) + "–" + to);
                features.add(indices);
            }
        } else {
            for (Map.Entry<String, List<Integer>> column : rows.featuresByColumn().entrySet()) {
                parts.add(column.getKey());
                features.add(column.getValue().stream().mapToInt(Integer::intValue).toArray());
            }
        }
        int f = rows.featureCount();
        float[] batch = new float[(parts.size() + 1) * f];
        for (int copy = 0; copy <= parts.size(); copy++) {
            System.arraycopy(original, 0, batch, copy * f, f);
            if (copy > 0) {
                for (int j : features.get(copy - 1)) {
                    batch[copy * f + j] = average[j];
                }
            }
        }
        int n = parts.size() + 1;
        TableDataset copies = new TableDataset(rows.source(), rows.kind(), rows.labelColumn(), rows.classes(),
                new int[n], batch, rows.featureNames(), rows.featureColumns(), rows.channels(), new int[n],
                List.of(), rows.missing(), rows.ignoredColumns(), rows.preview());
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        float[][] p = model.predictProbabilities(new DataView(copies, all));
        int target = 0;
        for (int c = 1; c < p[0].length; c++) {
            if (p[0][c] > p[0][target]) {
                target = c;
            }
        }
        double[] drop = new double[parts.size()];
        for (int i = 0; i < drop.length; i++) {
            drop[i] = logOdds(p[0][target]) - logOdds(p[i + 1][target]);
        }
        return new TableOcclusion(parts, drop, target, p[0][target]);
    }

    /** Per feature, the training rows' mean as read (per channel for series); 0 where the model kept none. */
    private static float[] averages(TableModel model, TableDataset rows) {
        TableFingerprint training = model.tableFingerprint();
        float[] average = new float[rows.featureCount()];
        if (training == null) {
            return average;
        }
        int groups = training.mean().length;
        for (int j = 0; j < average.length; j++) {
            int g = rows.kind() == TableKind.SEQUENCE ? j % rows.channels() : j;
            average[j] = g < groups ? (float) training.mean()[g] : 0f;
        }
        return average;
    }

    private static double logOdds(float p) {
        double clipped = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(clipped / (1 - clipped));
    }
}
