package dev.modelport.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;

/**
 * The package-by-feature rules of STYLE.md, shared so every module checks the same ones.
 * Each module's ArchitectureTest applies them to its own root package. None allows an empty
 * match: a rule whose packages no class is in fails, so a renamed package cannot leave a rule
 * that checks nothing (ArchitectureRulesTest proves each one fails on a bad class).
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Feature packages (the first level below the root) must not depend on each other in a cycle. */
    public static ArchRule featuresAreFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .should().beFreeOfCycles();
    }

    /**
     * The core (engine, protocol, domain: {@code corePackages}, named relative to the root) knows no
     * transport: neither the HTTP, servlet, gRPC or actuator libraries nor the module's own adapters
     * ({@code <root>.web}, {@code <root>.grpc}, {@code <root>.actuator}). Adapters depend on the core,
     * never the reverse. Every core package must hold a class, or the rule fails.
     */
    public static ArchRule coreIsFreeOfTransport(String rootPackage, String... corePackages) {
        if (corePackages.length == 0) {
            throw new IllegalArgumentException("name at least one core package below " + rootPackage);
        }
        List<ArchRule> rules = Arrays.stream(corePackages)
                .map(core -> noClasses().that().resideInAPackage(rootPackage + "." + core + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(
                                "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                                "io.grpc..", "org.springframework.boot.actuate..",
                                rootPackage + ".web..", rootPackage + ".grpc..", rootPackage + ".actuator..")
                        .because("the core is reached through adapters and must not know which transport called it"))
                .toList();
        // One rule per package, not one over all of them: each must match a class on its own.
        return CompositeArchRule.of(rules);
    }

    /**
     * Constructor injection only: no class has a field annotated for injection. Checked per class, not per
     * field, so a module whose classes hold no field at all (registry) is still checked, not empty.
     */
    public static ArchRule noFieldInjection() {
        return classes().should(haveNoFieldAnnotatedWith(
                "org.springframework.beans.factory.annotation.Autowired", "jakarta.inject.Inject"));
    }

    private static ArchCondition<JavaClass> haveNoFieldAnnotatedWith(String... annotations) {
        return new ArchCondition<>("have no field annotated with " + String.join(" or ", annotations)) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaField field : type.getFields()) {
                    for (String annotation : annotations) {
                        if (field.isAnnotatedWith(annotation)) {
                            events.add(SimpleConditionEvent.violated(field,
                                    field.getFullName() + " is annotated with @" + annotation));
                        }
                    }
                }
            }
        };
    }
}
