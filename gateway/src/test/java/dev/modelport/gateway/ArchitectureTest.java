package dev.modelport.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.modelport.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "dev.modelport.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("dev.modelport.gateway");

    @ArchTest
    static final ArchRule noFieldInjection = ArchitectureRules.noFieldInjection();

    /** The actuator chain checks the infrastructure user with service-support's InfraLogin, not bcrypt per scrape. */
    @ArchTest
    static final ArchRule noPasswordEncoder = noClasses().that().resideInAPackage("dev.modelport.gateway..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.security.crypto..")
            .because("every Prometheus scrape logs in; bcrypt cost it ~80 ms of CPU (InfraLogin compares SHA-256 digests)");
}
