package dev.modelport.support.actuator;

import jakarta.validation.constraints.NotBlank;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The infrastructure user that may read actuator endpoints beyond health (Prometheus scrapes,
 * operators). Bound from {@code modelport.infra.*}; the password comes from
 * {@code MODELPORT_INFRA_PASSWORD}.
 *
 * @param username the user's name
 * @param password its password, a machine secret
 */
@Validated
@ConfigurationProperties("modelport.infra")
public record InfraCredentials(@DefaultValue("modelport") @NotBlank String username,
         @NotBlank(message = "set MODELPORT_INFRA_PASSWORD") String password) {

    /** The role a login as this user carries. */
    public static final String ROLE = "INFRA";

    /**
     * Checks HTTP Basic logins against this one user. The password is a machine secret that
     * lives in this process's environment, never in a store, so a slow hash (bcrypt costs tens of
     * milliseconds) would protect nothing while charging every scrape and heartbeat: it is kept
     * as one salted PBKDF2-SHA256 round and compared in constant time. Nothing re-encodes it on
     * login (no password-upgrade service).
     */
    public AuthenticationManager authenticationManager() {
        PasswordEncoder encoder = new Pbkdf2PasswordEncoder("", 16, 1,
                Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(User.withUsername(username)
                .password(encoder.encode(password))
                .roles(ROLE)
                .build());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }
}
