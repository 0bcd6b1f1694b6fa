package dev.modelport.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.modelport.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "dev.modelport.support", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("dev.modelport.support");

    @ArchTest
    static final ArchRule noFieldInjection = ArchitectureRules.noFieldInjection();
}
