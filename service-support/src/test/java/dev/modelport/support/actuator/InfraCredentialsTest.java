package dev.modelport.support.actuator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class InfraCredentialsTest {

    private final InfraCredentials infra = new InfraCredentials("modelport", "s3cret-machine-password");
    private final AuthenticationManager manager = infra.authenticationManager();
    private final ReactiveAuthenticationManager reactive = infra.authenticationManager().reactive();

    @Test
    void authenticateWhenRightPasswordRepeatedThenEveryLoginCarriesInfraRoleAndNoPassword() {
        for (int i = 0; i < 3; i++) {
            Authentication login = manager.authenticate(login("modelport", "s3cret-machine-password"));
            assertThat(login.isAuthenticated()).isTrue();
            assertThat(login.getName()).isEqualTo("modelport");
            assertThat(login.getCredentials()).isNull();
            assertThat(login.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_" + InfraCredentials.ROLE);
        }
    }

    @Test
    void authenticateWhenWrongPasswordOrUserThenRefused() {
        assertThatThrownBy(() -> manager.authenticate(login("modelport", "s3cret-machine-passwore")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> manager.authenticate(login("modelport", "s3cret-machine-password ")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> manager.authenticate(login("admin", "s3cret-machine-password")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> manager.authenticate(login("modelport", "")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("modelport", null)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void reactiveWhenRightPasswordThenInfraLoginElseBadCredentials() {
        Authentication login = reactive.authenticate(login("modelport", "s3cret-machine-password")).block();
        assertThat(login).isNotNull();
        assertThat(login.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_" + InfraCredentials.ROLE);
        assertThatThrownBy(() -> reactive.authenticate(login("modelport", "wrong")).block())
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> reactive.authenticate(login("admin", "s3cret-machine-password")).block())
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void toStringWhenLoggedThenNoPassword() {
        assertThat(infra.toString()).contains("modelport").doesNotContain("s3cret-machine-password");
    }

    /**
     * Every scrape and heartbeat logs in, so the check must stay cheap: a slow password hash (bcrypt cost ~80 ms of
     * CPU per gateway scrape) would come back through a {@code PasswordEncoder}.
     */
    @Test
    void infraLoginWhenCheckingThenNoPasswordEncoder() {
        noClasses().that().resideInAPackage("dev.modelport.support.actuator")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.security.crypto..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.modelport.support.actuator"));
    }

    private static UsernamePasswordAuthenticationToken login(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
