package dev.modelport.admin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/** The rules of {@link ArchitectureTest} catch what they are there for. */
class ArchitectureRulesTest {

    static class ReadsTheRegistry {
        List<String> services(DiscoveryClient discovery) {
            return discovery.getServices();
        }
    }

    @Route("open-to-nobody-said")
    static class UnguardedView extends VerticalLayout {
    }

    @Route("open-to-all")
    @PermitAll
    static class GuardedView extends VerticalLayout {
    }

    @Test
    void backDoorRuleWhenClassUsesDiscoveryClientThenViolated() {
        assertThatThrownBy(() -> ArchitectureTest.consoleReadsNoDatabaseAndNoRegistry.check(classes(ReadsTheRegistry.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("DiscoveryClient");
    }

    @Test
    void viewRuleWhenRouteWithoutAccessAnnotationThenViolated() {
        assertThatThrownBy(() -> ArchitectureTest.everyViewDeclaresWhoMayOpenIt.check(classes(UnguardedView.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UnguardedView");
        assertThatCode(() -> ArchitectureTest.everyViewDeclaresWhoMayOpenIt.check(classes(GuardedView.class)))
                .doesNotThrowAnyException();
    }

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
