package dev.modelport.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import dev.modelport.testsupport.ArchitectureRules;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

@AnalyzeClasses(packages = "dev.modelport.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("dev.modelport.admin");

    @ArchTest
    static final ArchRule noFieldInjection = ArchitectureRules.noFieldInjection();

    /** No back door: the console reaches data only through the API, with the admin's token. */
    @ArchTest
    static final ArchRule consoleReadsNoDatabaseAndNoRegistry = noClasses()
            .that().resideInAPackage("dev.modelport.admin..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.springframework.jdbc..", "jakarta.persistence..",
                    "org.springframework.cloud.client.discovery..")
            .because("nothing in the console may do what the admin's token could not do through the API");

    @ArchTest
    static final ArchRule everyViewDeclaresWhoMayOpenIt = classes()
            .that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
            .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
            .because("Vaadin denies an unannotated view, so a missing annotation is a view nobody can open");
}
