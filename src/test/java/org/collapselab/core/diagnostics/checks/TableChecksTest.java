package org.collapselab.core.diagnostics.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.collapselab.core.data.csv.CsvLoader;
import org.collapselab.core.data.csv.CsvOptions;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.diagnostics.DataFindings;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.CatalogAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV data checks on tiny CSV files written here: leaking column, constant column, scales, duplicate rows. */
class TableChecksTest {
    @TempDir
    Path dir;

    private final ExperimentConfig config = ConfigCodec.defaults(DataKind.TABULAR);

    @Test
    void idColumnThatLeaksTheLabelIsNamedBySpuriousFeature() throws Exception {
        // Rows of class "yes" were given the ids after those of "no" (exported later): the id decides the label.
        TableDataset data = table(400, (row, label, random) -> new String[]{
                String.valueOf(label ? 10_000 + row : row), f(random.nextGaussian()), f(random.nextGaussian())});
        List<Finding> findings = run(new ShortcutProbeCheck(), data, config);
        assertEquals(1, findings.size(), findings.toString());
        // Without a trained model the column is only available: a warning, tested once a model is trained.
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).title().contains("'customer_id'"), findings.get(0).title());
        assertTrue(findings.get(0).title().contains("not yet tested"), findings.get(0).title());
    }

    @Test
    void aLeakingColumnIsCriticalOnlyWhenTheTrainedModelReliesOnIt() throws Exception {
        // 'customer_id' (ids after the "no" rows) decides the label alone; 'a' (the label plus noise) nearly does.
        TableDataset data = table(400, (row, label, random) -> new String[]{
                String.valueOf(label ? 10_000 + row : row), f((label ? 1 : 0) + 0.35 * random.nextGaussian()),
                f(random.nextGaussian())});
        DiagnosticContext ctx = DiagnosticContext.forTable(config, data).build();
        ctx.trainingResult(trained(new ColumnModel(data, "customer_id", 5_000)));
        List<Finding> relied = new ShortcutProbeCheck().run(ctx, ProgressObserver.NONE, CancellationToken.none());
        CatalogAssertions.declaredAndCited(new ShortcutProbeCheck(), relied);
        assertEquals(1, relied.size(), relied.toString());
        assertEquals(Severity.CRITICAL, relied.get(0).severity(), relied.get(0).title());
        assertTrue(relied.get(0).title().contains("relies on it: 100% → "), relied.get(0).title());
        // Shuffled, the id says nothing: the model loses (nearly) all its skill above chance.
        assertTrue(relied.get(0).evidence().measured() > 0.8, relied.get(0).evidence().toString());

        // A model that reads 'a' answers the same with the id shuffled: the id is available, not relied on.
        ctx.trainingResult(trained(new ColumnModel(data, "a", 0.5)));
        List<Finding> ignored = new ShortcutProbeCheck().run(ctx, ProgressObserver.NONE, CancellationToken.none());
        assertEquals(1, ignored.size(), ignored.toString());
        assertEquals(Severity.INFO, ignored.get(0).severity(), ignored.get(0).title());
        assertTrue(ignored.get(0).title().contains("'customer_id'") && ignored.get(0).title()
                .contains("does not rely on it"), ignored.get(0).title());
        assertEquals(0, ignored.get(0).evidence().measured(), 1e-9);
        assertEquals(null, ignored.get(0).fix(), "nothing to fix in a column the model does not use");
    }

    @Test
    void tabularTrialsTakeTenTimesAsManyRowsAsTheImageCap() throws Exception {
        TableDataset data = table(1000, (row, label, random) -> new String[]{String.valueOf(row),
                f(random.nextGaussian()), f(random.nextGaussian())});
        DiagnosticContext ctx = DiagnosticContext.forTable(config, data)
                .trials(new org.collapselab.testsupport.FakeTrialRunner()).build();
        int imageCap = org.collapselab.core.training.TrialBudget.unlimited().maxTrialImages();
        assertTrue(ctx.train().count() > imageCap, ctx.train().count() + " training rows");
        // All 800 training rows go into a trial, not the 600 an image trial would take.
        assertEquals(ctx.train().count(), ctx.trialViews()[0].count());
        assertEquals(ctx.validation().count(), ctx.trialViews()[1].count());
    }

    private static org.collapselab.core.training.TrainingResult trained(org.collapselab.core.training.TrainedModel model) {
        return new org.collapselab.core.training.TrainingResult(org.collapselab.core.training.RunStatus.COMPLETED,
                List.of(), org.collapselab.core.training.CollapseVerdict.NONE, model, null, List.of(), List.of(), 1);
    }

    /** A hand-built model of the rows: "yes" when one column's value is above a threshold. */
    private static final class ColumnModel implements org.collapselab.core.training.TableModel {
        private final TableDataset like;
        private final int feature;
        private final double threshold;

        ColumnModel(TableDataset like, String column, double threshold) {
            this.like = like;
            this.feature = like.featureNames().indexOf(column);
            this.threshold = threshold;
        }

        @Override
        public float[][] predictProbabilities(org.collapselab.core.data.DataView view) {
            TableDataset rows = (TableDataset) view.data();
            float[][] out = new float[view.count()][];
            for (int i = 0; i < out.length; i++) {
                boolean yes = rows.value(view.indices()[i], feature) > threshold;
                // Classes are sorted: "no", "yes".
                out[i] = yes ? new float[]{0.1f, 0.9f} : new float[]{0.9f, 0.1f};
            }
            return out;
        }

        @Override public ExperimentConfig config() { return ConfigCodec.defaults(DataKind.TABULAR); }
        @Override public List<String> classes() { return like.classes(); }
        @Override public org.collapselab.core.data.csv.TableKind kind() { return like.kind(); }
        @Override public int channels() { return 1; }
        @Override public List<String> featureNames() { return like.featureNames(); }
        @Override public List<String> featureColumns() { return like.featureColumns(); }
        @Override public org.collapselab.core.data.csv.TableFingerprint tableFingerprint() { return null; }
        @Override public org.collapselab.core.data.Normalizer normalizer() { return null; }
        @Override public org.collapselab.core.data.InputFingerprint trainingFingerprint() { return null; }
        @Override public double loss(org.collapselab.core.data.DataView view) { return 0; }
        @Override public long parameterCount() { return 1; }
        @Override public void save(Path zip) { throw new UnsupportedOperationException(); }
    }

    @Test
    void informativeButImperfectColumnIsNoLeak() throws Exception {
        // 'score' predicts the label about 80% of the time (noise of the same size as the class gap): a feature.
        TableDataset data = table(400, (row, label, random) -> new String[]{String.valueOf(random.nextInt(100_000)),
                f((label ? 1 : 0) + 0.6 * random.nextGaussian()), f(random.nextGaussian())});
        assertEquals(List.of(), run(new ShortcutProbeCheck(), data, config));
    }

    @Test
    void constantColumnIsNamedAndEveryConstantInputIsCritical() throws Exception {
        TableDataset some = table(60, (row, label, random) -> new String[]{String.valueOf(row), "7", f(random.nextGaussian())});
        List<Finding> findings = run(new ConstantFeatureCheck(), some, config);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).title().endsWith(": a"), findings.get(0).title());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertEquals(List.of("a"), ConstantFeatureCheck.constantInputs(some, new int[]{0, 1, 2, 3}));

        TableDataset all = table(60, (row, label, random) -> new String[]{"1", "7", "0.5"});
        assertEquals(Severity.CRITICAL, run(new ConstantFeatureCheck(), all, config).get(0).severity());
    }

    @Test
    void featuresOfVeryDifferentScalesAreFlaggedOnlyWithoutNormalization() throws Exception {
        TableDataset data = table(100, (row, label, random) -> new String[]{f(50_000 + 20_000 * random.nextGaussian()),
                f(0.01 * random.nextGaussian()), f(random.nextGaussian())});
        ExperimentConfig none = ConfigCodec.withOverrides(config, List.of("data.normalization=none"));
        List<Finding> findings = run(new FeaturesNotScaledCheck(), data, none);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).evidence().measured() > 100_000, String.valueOf(findings.get(0).evidence().measured()));
        assertEquals("standardize", findings.get(0).fix().set().get("data.normalization"));
        assertEquals(List.of(), run(new FeaturesNotScaledCheck(), data, config), "standardize is the CSV default");

        TableDataset similar = table(100, (row, label, random) -> new String[]{f(3 * random.nextGaussian()),
                f(0.5 * random.nextGaussian()), f(random.nextGaussian())});
        assertEquals(List.of(), run(new FeaturesNotScaledCheck(), similar, none));
    }

    @Test
    void duplicateRowsAreCountedInsideTrainingAndAcrossTheSplit() throws Exception {
        // Every row appears twice (the export was appended to itself): repeats inside training and across the split.
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("customer_id,a,b,label\n");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            body.append(i).append(',').append(f(random.nextGaussian())).append(',').append(f(random.nextGaussian()))
                    .append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        csv.append(body).append(body);
        TableDataset data = CsvLoader.load(Files.writeString(dir.resolve("twice.csv"), csv), CsvOptions.tabular());
        DiagnosticContext ctx = DiagnosticContext.forTable(config, data).build();
        DuplicateRowsCheck.Duplicates found = DuplicateRowsCheck.find(ctx.table(), ctx.train().indices(),
                ctx.validation().indices());
        java.util.Set<Integer> validation = java.util.Arrays.stream(ctx.validation().indices()).boxed()
                .collect(java.util.stream.Collectors.toSet());
        long bothInValidation = java.util.stream.IntStream.range(0, 50)
                .filter(i -> validation.contains(i) && validation.contains(i + 50)).count();
        // Each of the 50 repeats is seen once: inside training, or across the split (pairs both in validation are not
        // a training problem and are not counted).
        assertEquals(50 - bothInValidation, found.inTraining() + found.acrossSplit(), found.toString());
        assertTrue(found.acrossSplit() > 0, found.toString());
        assertEquals(0, found.conflictingLabels());
        List<Finding> findings = run(new DuplicateRowsCheck(), data, config);
        assertEquals(Severity.WARNING, findings.get(0).severity());

        TableDataset unique = table(100, (row, label, rng) -> new String[]{String.valueOf(row), f(rng.nextGaussian()),
                f(rng.nextGaussian())});
        assertEquals(List.of(), run(new DuplicateRowsCheck(), unique, config));
    }

    @Test
    void overfittingASmallBatchOfRowsGetsTheRowBudgetAndSpeaksOfRows() throws Exception {
        TableDataset data = table(200, (row, label, random) -> new String[]{String.valueOf(row),
                f(random.nextGaussian() + (label ? 1 : 0)), f(random.nextGaussian())});
        // Like the real Iris rows at Adam 0.001: one row of the batch still wrong at step 40, memorised by step 60.
        org.collapselab.testsupport.FakeTrialRunner slow = new org.collapselab.testsupport.FakeTrialRunner().training(
                r -> new org.collapselab.testsupport.FakeTrialRunner.Outcome(
                        r.config().training().epochs() > 60 ? 1.0 : 14 / 15.0, 0.3));
        DiagnosticContext ctx = DiagnosticContext.forTable(config, data).trials(slow).build();
        assertEquals(List.of(), new OverfitSmallBatchCheck().run(ctx, ProgressObserver.NONE, CancellationToken.none()));
        assertEquals(OverfitSmallBatchCheck.ROW_STEPS, slow.requests().get(0).config().training().epochs());
        assertTrue(ctx.charts("overfit-small-batch").get(0).title().endsWith(" rows"),
                ctx.charts("overfit-small-batch").get(0).title());
        // A network that cannot learn still fails, and the finding counts rows, not images.
        org.collapselab.testsupport.FakeTrialRunner stuck = new org.collapselab.testsupport.FakeTrialRunner()
                .training(r -> new org.collapselab.testsupport.FakeTrialRunner.Outcome(0.5, 0.7));
        List<Finding> findings = new OverfitSmallBatchCheck().run(DiagnosticContext.forTable(config, data).trials(stuck)
                .build(), ProgressObserver.NONE, CancellationToken.none());
        assertEquals("cannot-overfit-small-batch", findings.get(0).id());
        assertTrue(findings.get(0).title().contains("rows") && !findings.get(0).title().contains("images")
                && findings.get(0).title().contains("after " + OverfitSmallBatchCheck.ROW_STEPS + " steps"),
                findings.get(0).title());
        CatalogAssertions.declaredAndCited(new OverfitSmallBatchCheck(), findings);
    }

    @Test
    void dataFindingsOfACsvRunTheCsvChecksAndLeaveTheImageOnesOut() throws Exception {
        TableDataset data = table(400, (row, label, random) -> new String[]{
                String.valueOf(label ? 10_000 + row : row), "7", f(random.nextGaussian())});
        List<String> ids = DiagnosticContext.ids(DataFindings.of(data, config));
        assertTrue(ids.contains("spurious-feature") && ids.contains("constant-feature"), ids.toString());
        assertTrue(!ids.contains("inputs-not-normalized"), ids.toString());
    }

    private List<Finding> run(DiagnosticCheck check, TableDataset data, ExperimentConfig cfg) {
        DiagnosticContext ctx = DiagnosticContext.forTable(cfg, data).build();
        assertEquals(null, check.notApplicable(ctx));
        List<Finding> findings = check.run(ctx, ProgressObserver.NONE, CancellationToken.none());
        CatalogAssertions.declaredAndCited(check, findings);
        return findings;
    }

    interface Row {
        String[] cells(int row, boolean positive, Random random);
    }

    /** A CSV of columns customer_id, a, b and a label yes (1 in 10) / no, written and loaded. */
    private TableDataset table(int rows, Row row) throws Exception {
        Random random = new Random(rows);
        StringBuilder csv = new StringBuilder("customer_id,a,b,label\n");
        for (int i = 0; i < rows; i++) {
            boolean positive = i % 10 == 0;
            csv.append(String.join(",", row.cells(i, positive, random))).append(',').append(positive ? "yes" : "no")
                    .append('\n');
        }
        return CsvLoader.load(Files.writeString(dir.resolve("rows" + rows + ".csv"), csv), CsvOptions.tabular());
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
