package org.entropyworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the build enforces (after JabRef's architecture tests): {@code core} is headless and
 * knows nothing of the front ends (nor of the logback set-up in {@code logging}); no package cycle anywhere; the UI's feature packages share state
 * only through {@code ui.workspace} and the common parts, never by importing each other. Front ends
 * ({@code cli}, {@code serve}, {@code bench}, {@code ui}) may use {@code core}; {@code core} may use none
 * of them. The fixture tests show each rule fails when its violation is introduced.
 */
class ArchitectureTest {

    private static final String ROOT = "org.entropyworkbench";
    /** Top-level packages that sit on top of core; core may import none of them. */
    private static final String[] FRONT_ENDS = {ROOT + ".ui..", ROOT + ".cli..", ROOT + ".bench..", ROOT + ".serve..",
        ROOT + ".logging.."};
    /** The UI's feature packages: one screen each (view + view-model). */
    static final List<String> FEATURES = List.of("analysis", "calibration", "compare", "datasets", "follow", "run", "signals");
    /** What every UI package may share: the workspace and the common parts. */
    static final List<String> SHARED_UI = List.of("workspace", "common", "charts", "task", "help");

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** core imports nothing of ui, cli, bench, serve or JavaFX. */
    static ArchRule coreIsHeadless(String corePackage) {
        String[] forbidden = new String[FRONT_ENDS.length + 1];
        System.arraycopy(FRONT_ENDS, 0, forbidden, 0, FRONT_ENDS.length);
        forbidden[FRONT_ENDS.length] = "javafx..";
        return noClasses().that().resideInAPackage(corePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("core runs headless (CLI, serve) and is what the front ends build on");
    }

    /** No cycle between any two packages under {@code root}. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("package cycles make layers impossible to reason about or split");
    }

    @Test
    void coreImportsNoFrontEndAndNoJavaFx() {
        assertThat(product.containPackage(ROOT + ".core.run")).isTrue();
        coreIsHeadless(ROOT + ".core").check(product);
    }

    @Test
    void noPackageCyclesAnywhere() {
        noPackageCycles(ROOT).check(product);
    }

    @Test
    void uiFeaturesDoNotImportEachOtherOrTheApplicationShell() {
        for (String feature : FEATURES) {
            List<String> others = new ArrayList<>();
            for (String other : FEATURES) {
                if (!other.equals(feature)) {
                    others.add(ROOT + ".ui." + other + "..");
                }
            }
            others.add(ROOT + ".ui.app..");
            noClasses().that().resideInAPackage(ROOT + ".ui." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .because("screens share state only through ui.workspace")
                    .check(product);
        }
    }

    @Test
    void sharedUiPartsDoNotImportFeaturesOrTheShell() {
        List<String> above = new ArrayList<>();
        FEATURES.forEach(f -> above.add(ROOT + ".ui." + f + ".."));
        above.add(ROOT + ".ui.app..");
        for (String shared : SHARED_UI) {
            noClasses().that().resideInAPackage(ROOT + ".ui." + shared + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .check(product);
        }
    }

    @Test
    void onlyTheDialogServiceOpensChoosersAndAlerts() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".ui.common.FxDialogService")
                .should().dependOnClassesThat().belongToAnyOf(javafx.stage.FileChooser.class,
                        javafx.stage.DirectoryChooser.class, javafx.scene.control.Alert.class)
                .because("views ask the user through DialogService, which tests replace")
                .check(product);
    }

    @Test
    void nothingPrintsToStandardErrorDirectly() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".cli.EntropyWorkbenchCli")
                .should().accessField(System.class, "err")
                .because("diagnostics go through SLF4J (logback: file and stderr); only the CLI's main hands"
                        + " stderr to picocli as the terminal")
                .check(product);
    }

    @Test
    void serveIsAFrontEndLikeCli() {
        noClasses().that().resideInAPackage(ROOT + ".serve..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", "javafx..")
                .allowEmptyShould(true)
                .check(product);
    }

    @Test
    void theCycleRuleFailsOnAPackageCycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture.cycle");
        assertThat(fixture).hasSize(2);
        assertThatThrownBy(() -> noPackageCycles(ROOT + ".archfixture.cycle").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("FixtureA").hasMessageContaining("FixtureB");
    }

    @Test
    void theCoreRuleFailsOnACoreClassUsingJavaFx() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture.core");
        assertThatThrownBy(() -> coreIsHeadless(ROOT + ".archfixture.core").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("javafx.beans.property.SimpleIntegerProperty");
    }
}
