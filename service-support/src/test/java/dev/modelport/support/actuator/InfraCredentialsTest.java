package dev.modelport.support.actuator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class InfraCredentialsTest {

    private final AuthenticationManager manager = new InfraCredentials("modelport", "s3cret-machine-password").authenticationManager();

    @Test
    void authenticateWhenRightPasswordRepeatedThenEveryLoginCarriesInfraRole() {
        for (int i = 0; i < 3; i++) {
            Authentication login = manager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("modelport", "s3cret-machine-password"));
            assertThat(login.isAuthenticated()).isTrue();
            assertThat(login.getAuthorities()).extracting(Object::toString).contains("ROLE_" + InfraCredentials.ROLE);
        }
    }

    @Test
    void authenticateWhenWrongPasswordOrUserThenRefused() {
        assertThatThrownBy(() -> manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("modelport", "s3cret-machine-passwore")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("admin", "s3cret-machine-password")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
