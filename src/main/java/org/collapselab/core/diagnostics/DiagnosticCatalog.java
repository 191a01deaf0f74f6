package org.collapselab.core.diagnostics;

import java.util.List;
import org.collapselab.core.diagnostics.checks.CapacityCheck;
import org.collapselab.core.diagnostics.checks.ClassImbalanceCheck;
import org.collapselab.core.diagnostics.checks.CollapsedPredictionsCheck;
import org.collapselab.core.diagnostics.checks.ConstantFeatureCheck;
import org.collapselab.core.diagnostics.checks.DuplicateImagesCheck;
import org.collapselab.core.diagnostics.checks.DuplicateRowsCheck;
import org.collapselab.core.diagnostics.checks.FeaturesNotScaledCheck;
import org.collapselab.core.diagnostics.checks.DeadReluCheck;
import org.collapselab.core.diagnostics.checks.GradientFlowCheck;
import org.collapselab.core.diagnostics.checks.InitialLossCheck;
import org.collapselab.core.diagnostics.checks.InputsNotNormalizedCheck;
import org.collapselab.core.diagnostics.checks.LabelShuffleCheck;
import org.collapselab.core.diagnostics.checks.LearningCurveCheck;
import org.collapselab.core.diagnostics.checks.LearningRateConfigCheck;
import org.collapselab.core.diagnostics.checks.LearningRateRangeCheck;
import org.collapselab.core.diagnostics.checks.LinearHiddenActivationCheck;
import org.collapselab.core.diagnostics.checks.LossDynamicsCheck;
import org.collapselab.core.diagnostics.checks.MonitoredRunCheck;
import org.collapselab.core.diagnostics.checks.NanLossCheck;
import org.collapselab.core.diagnostics.checks.NeverPredictedClassesCheck;
import org.collapselab.core.diagnostics.checks.OutputActivationCheck;
import org.collapselab.core.diagnostics.checks.OverfitSmallBatchCheck;
import org.collapselab.core.diagnostics.checks.OverfittingCheck;
import org.collapselab.core.diagnostics.checks.PreprocessingFingerprintCheck;
import org.collapselab.core.diagnostics.checks.SaturationCheck;
import org.collapselab.core.diagnostics.checks.ShortcutProbeCheck;
import org.collapselab.core.diagnostics.checks.StillImprovingCheck;
import org.collapselab.core.diagnostics.checks.SymmetricInitCheck;
import org.collapselab.core.diagnostics.checks.TinyClassCheck;
import org.collapselab.core.diagnostics.checks.UnreadableFilesCheck;
import org.collapselab.core.diagnostics.checks.UpdateRatioCheck;
import org.collapselab.core.diagnostics.checks.ValidationSizeCheck;
import org.collapselab.core.diagnostics.checks.ZeroedInputCheck;

/**
 * The checks in walkthrough order: one explicit list, since the order is the guided flow. Every other list
 * (data, config, monitoring checks, the symptom ids of the cause ranking) is derived from it.
 */
public final class DiagnosticCatalog {
    private DiagnosticCatalog() {
    }

    public static List<DiagnosticCheck> defaultChecks() {
        return List.of(
                // data
                new ValidationSizeCheck(), new UnreadableFilesCheck(), new ClassImbalanceCheck(), new TinyClassCheck(), new ShortcutProbeCheck(),
                new ConstantFeatureCheck(), new DuplicateRowsCheck(), new DuplicateImagesCheck(), new FeaturesNotScaledCheck(),
                new InputsNotNormalizedCheck(),
                // config
                new OutputActivationCheck(), new SymmetricInitCheck(), new LinearHiddenActivationCheck(),
                new LearningRateConfigCheck(),
                // pre-flight experiments
                new InitialLossCheck(), new OverfitSmallBatchCheck(), new ZeroedInputCheck(),
                new LearningRateRangeCheck(),
                // the monitored run, its outcome and its monitoring
                new MonitoredRunCheck(), new NanLossCheck(), new CollapsedPredictionsCheck(),
                new NeverPredictedClassesCheck(), new LossDynamicsCheck(), new UpdateRatioCheck(), new DeadReluCheck(),
                new GradientFlowCheck(), new SaturationCheck(), new StillImprovingCheck(), new OverfittingCheck(),
                // after training
                new LabelShuffleCheck(), new LearningCurveCheck(), new CapacityCheck(),
                new PreprocessingFingerprintCheck());
    }

    /**
     * The passive checks on a finished run, its outcome and its monitoring, used for every {@code train} run's
     * report.
     */
    public static List<DiagnosticCheck> monitoringChecks() {
        return passiveChecks().stream().filter(c -> c.phase() == Phase.TRAINING).toList();
    }

    /** The finding ids that describe the failure rather than a cause, as the checks declare them. */
    public static java.util.Set<String> symptomIds() {
        return defaultChecks().stream().filter(DiagnosticCheck::reportsSymptoms)
                .flatMap(c -> c.findingIds().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The passive checks of the data phase (no training), used by {@code inspect} and the Data screen. */
    public static List<DiagnosticCheck> dataChecks() {
        return passiveChecks().stream().filter(c -> c.phase() == Phase.DATA).toList();
    }

    /** The checks that read the config alone. */
    public static List<DiagnosticCheck> configChecks() {
        return passiveChecks().stream().filter(c -> c.phase() == Phase.CONFIG).toList();
    }

    /**
     * Runs passive checks in order on the calling thread and returns their findings. The same check
     * objects serve {@code train}, {@code inspect}, {@code diagnose} and the GUI, so each finding has one
     * definition and one threshold. A check that does not apply here is left out.
     */
    public static List<Finding> runPassive(List<DiagnosticCheck> checks, DiagnosticContext ctx) {
        List<Finding> findings = new java.util.ArrayList<>();
        for (DiagnosticCheck check : checks) {
            if (check.active()) {
                throw new IllegalArgumentException(check.id() + " runs experiments; use a DiagnosticSession");
            }
            if (check.notApplicable(ctx) == null) {
                findings.addAll(check.run(ctx, org.collapselab.core.util.ProgressObserver.NONE,
                        org.collapselab.core.util.CancellationToken.none()));
            }
        }
        return findings;
    }

    /** Passive checks only (no experiments): data, config and monitoring. */
    public static List<DiagnosticCheck> passiveChecks() {
        return defaultChecks().stream().filter(c -> !c.active()).toList();
    }
}
