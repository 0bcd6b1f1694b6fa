package dev.modelport.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each shared rule fails on a fixture class that breaks it, fails when it matches nothing, and passes a good class. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "dev.modelport.testsupport.fixture";
    private static final String TRANSPORT = FIXTURE + ".transport";

    private final JavaClasses transport = new ClassFileImporter().importPackages(TRANSPORT);

    @Test
    void coreIsFreeOfTransportWhenCoreKnowsNoTransportThenPasses() {
        assertThatCode(() -> ArchitectureRules.coreIsFreeOfTransport(TRANSPORT, "clean").check(transport))
                .doesNotThrowAnyException();
    }

    @Test
    void coreIsFreeOfTransportWhenCoreImportsSpringHttpThenFails() {
        assertThatThrownBy(() -> ArchitectureRules.coreIsFreeOfTransport(TRANSPORT, "clean", "leaky").check(transport))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyCore")
                .hasMessageContaining("org.springframework.http.HttpStatus");
    }

    @Test
    void coreIsFreeOfTransportWhenCoreReachesTheModulesWebAdapterThenFails() {
        assertThatThrownBy(() -> ArchitectureRules.coreIsFreeOfTransport(TRANSPORT, "reaching").check(transport))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachingCore")
                .hasMessageContaining("FixtureController");
    }

    @Test
    void coreIsFreeOfTransportWhenACorePackageHoldsNoClassThenFails() {
        assertThatThrownBy(() -> ArchitectureRules.coreIsFreeOfTransport(TRANSPORT, "clean", "nowhere").check(transport))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(TRANSPORT + ".nowhere")
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void featuresAreFreeOfCyclesWhenFeaturesDependOneWayThenPasses() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".acyclic");
        assertThatCode(() -> ArchitectureRules.featuresAreFreeOfCycles(FIXTURE + ".acyclic").check(classes))
                .doesNotThrowAnyException();
    }

    @Test
    void featuresAreFreeOfCyclesWhenTwoFeaturesDependOnEachOtherThenFails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".cycle");
        assertThatThrownBy(() -> ArchitectureRules.featuresAreFreeOfCycles(FIXTURE + ".cycle").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void featuresAreFreeOfCyclesWhenThereAreNoFeaturePackagesThenFails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".flat");
        assertThatThrownBy(() -> ArchitectureRules.featuresAreFreeOfCycles(FIXTURE + ".flat").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void noFieldInjectionWhenConstructorInjectionThenPasses() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".injection.constructor");
        assertThatCode(() -> ArchitectureRules.noFieldInjection().check(classes)).doesNotThrowAnyException();
    }

    @Test
    void noFieldInjectionWhenAFieldIsAutowiredThenFails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".injection.field");
        assertThatThrownBy(() -> ArchitectureRules.noFieldInjection().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FieldInjected.dependency");
    }

    @Test
    void noFieldInjectionWhenNoClassIsImportedThenFails() {
        JavaClasses none = new ClassFileImporter().importPackages(FIXTURE + ".nowhere");
        assertThatThrownBy(() -> ArchitectureRules.noFieldInjection().check(none))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
