package org.collapselab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core is JavaFX-free and UI-free; only the CLI writes to the standard streams. */
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
}
