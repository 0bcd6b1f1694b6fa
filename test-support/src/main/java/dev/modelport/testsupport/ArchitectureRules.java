package dev.modelport.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The package-by-feature rules of STYLE.md, shared so every module checks the same ones.
 * Each module's ArchitectureTest applies them to its own root package.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Feature packages (the first level below the root) must not depend on each other in a cycle. */
    public static ArchRule featuresAreFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /** Domain code never reaches up into the web or UI layers. */
    public static ArchRule domainIsFreeOfWebAndUi(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "com.vaadin..",
                        rootPackage + "..web..", rootPackage + "..ui..")
                .allowEmptyShould(true);
    }

    /** Constructor injection only: no field is annotated for injection. */
    public static ArchRule noFieldInjection() {
        return fields().should().notBeAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .andShould().notBeAnnotatedWith("jakarta.inject.Inject")
                .allowEmptyShould(true);
    }
}
