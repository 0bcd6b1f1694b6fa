package dev.modelport.model;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.modelport.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "dev.modelport.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("dev.modelport.model");

    /** The engine (inference, protocol, onnx), the catalog and its storage, and the metrics store; docs/adr/0001. */
    @ArchTest
    static final ArchRule coreIsFreeOfTransport = ArchitectureRules.coreIsFreeOfTransport("dev.modelport.model",
            "inference", "protocol", "onnx", "catalog", "storage", "metrics");

    @ArchTest
    static final ArchRule noFieldInjection = ArchitectureRules.noFieldInjection();
}
