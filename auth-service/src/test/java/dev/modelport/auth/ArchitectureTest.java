package dev.modelport.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.modelport.testsupport.ArchitectureRules;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@AnalyzeClasses(packages = "dev.modelport.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("dev.modelport.auth");

    @ArchTest
    static final ArchRule noFieldInjection = ArchitectureRules.noFieldInjection();

    /** The JSON management API lives in one package, with its one error mapping. */
    @ArchTest
    static final ArchRule restControllersLiveInWeb = classes()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(RestControllerAdvice.class)
            .should().resideInAPackage("dev.modelport.auth.web..");

    /** Features never reach up into the API layer. */
    @ArchTest
    static final ArchRule featuresDoNotDependOnWeb = noClasses()
            .that().resideInAnyPackage("dev.modelport.auth.server..", "dev.modelport.auth.keys..",
                    "dev.modelport.auth.clients..", "dev.modelport.auth.users..")
            .should().dependOnClassesThat().resideInAPackage("dev.modelport.auth.web..");

    /** Keys and users stand alone: no other feature of auth-service is needed to sign or log in. */
    @ArchTest
    static final ArchRule keysAndUsersStandAlone = noClasses()
            .that().resideInAnyPackage("dev.modelport.auth.keys..", "dev.modelport.auth.users..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.modelport.auth.server..",
                    "dev.modelport.auth.clients..");
}
