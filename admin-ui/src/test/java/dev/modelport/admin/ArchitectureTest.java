package dev.modelport.admin;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.modelport.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "dev.modelport.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("dev.modelport.admin");

    @ArchTest
    static final ArchRule noFieldInjection = ArchitectureRules.noFieldInjection();
}
