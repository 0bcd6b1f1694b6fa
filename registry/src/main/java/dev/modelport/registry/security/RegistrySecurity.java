package dev.modelport.registry.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only the infrastructure user may read or change the registry; health stays public for probes.
 * Eureka clients send no CSRF token, so CSRF protection is off for its REST API.
 */
@Configuration
class RegistrySecurity {

    @Bean
    SecurityFilterChain registryFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        return http
                .authenticationManager(infraAuthentication(properties.getUser()))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/eureka/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(withDefaults())
                .build();
    }

    /**
     * Every heartbeat and registry fetch of every service logs in here, so the check must be cheap.
     * Spring's default would re-encode the password with bcrypt on the first login and then pay
     * ~70 ms of CPU per request; this machine secret lives only in the environment, so one salted
     * PBKDF2-SHA256 round compared in constant time protects it as well (service-support's
     * {@code InfraLogin}, a constant-time SHA-256 comparison, does the same for the other services;
     * the registry does not depend on service-support).
     */
    private static AuthenticationManager infraAuthentication(SecurityProperties.User user) {
        PasswordEncoder encoder = new Pbkdf2PasswordEncoder("", 16, 1,
                Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername(user.getName()).password(encoder.encode(user.getPassword())).roles("INFRA").build()));
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }
}
