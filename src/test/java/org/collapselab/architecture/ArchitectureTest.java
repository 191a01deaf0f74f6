package org.collapselab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: the core is JavaFX-free and UI-free, its packages depend one way, the two engines are
 * independent of each other, the GUI and the CLI reach training only through the engine-neutral API and the
 * experiment service, and only the CLI writes to the standard streams.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.collapselab");
    }

    @Test
    void coreDoesNotDependOnJavaFx() {
        noClasses().that().resideInAPackage("org.collapselab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnTheUiOrTheCli() {
        noClasses().that().resideInAPackage("org.collapselab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.collapselab.ui..", "org.collapselab.cli..")
                .check(classes);
    }

    @Test
    void cliDoesNotDependOnTheUi() {
        noClasses().that().resideInAPackage("org.collapselab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.collapselab.ui..", "javafx..")
                .check(classes);
    }

    @Test
    void onlyTheCliWritesToStandardStreams() {
        // GradientFunction only mutes SameDiff's debug println around createGradFunction (it writes nothing).
        noClasses().that().resideOutsideOfPackage("org.collapselab.cli..")
                .and().doNotHaveFullyQualifiedName("org.collapselab.core.training.samediff.GradientFunction")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        slices().matching("org.collapselab.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void trainingPackagesAreFreeOfCycles() {
        slices().matching("org.collapselab.core.training.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEnginesDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.collapselab.core.training.dl4j..")
                .should().dependOnClassesThat().resideInAPackage("org.collapselab.core.training.samediff..")
                .check(classes);
        noClasses().that().resideInAPackage("org.collapselab.core.training.samediff..")
                .should().dependOnClassesThat().resideInAPackage("org.collapselab.core.training.dl4j..")
                .check(classes);
    }

    @Test
    void theGuiAndTheCliDoNotReachIntoTheEnginesOrNd4j() {
        noClasses().that().resideInAnyPackage("org.collapselab.ui..", "org.collapselab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.collapselab.core.training.dl4j..",
                        "org.collapselab.core.training.samediff..", "org.nd4j..", "org.deeplearning4j..")
                .check(classes);
    }

    @Test
    void theDiagnosticsRunExperimentsThroughTheTrialPortNotAnEngine() {
        noClasses().that().resideInAPackage("org.collapselab.core.diagnostics..")
                .should().dependOnClassesThat().resideInAnyPackage("org.collapselab.core.training.dl4j..",
                        "org.collapselab.core.training.samediff..", "org.collapselab.core.experiment..")
                .check(classes);
    }

    @Test
    void theExplanationsUseTheTrainedModelApiOnly() {
        // Occlusion maps must work on every engine, and the diagnostics may draw them: no engine, nothing above.
        noClasses().that().resideInAPackage("org.collapselab.core.explain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.collapselab.core.training.dl4j..",
                        "org.collapselab.core.training.samediff..", "org.collapselab.core.diagnostics..",
                        "org.collapselab.core.report..", "org.collapselab.core.experiment..", "org.nd4j..")
                .check(classes);
    }

    @Test
    void onlyTheSparkExecutorUsesSpark() {
        // Spark is a provided dependency: the desktop app runs without it, so nothing else may load its classes.
        noClasses().that().resideOutsideOfPackage("org.collapselab.core.experiment.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(classes);
    }
}
