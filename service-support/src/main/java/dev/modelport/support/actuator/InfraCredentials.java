package dev.modelport.support.actuator;

import jakarta.validation.constraints.NotBlank;
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

    /** Checks HTTP Basic logins against this one user, cheaply and in constant time (see {@link InfraLogin}). */
    public InfraLogin authenticationManager() {
        return new InfraLogin(this);
    }

    /** Without the password: a record would print it wherever this object is logged. */
    @Override
    public String toString() {
        return "InfraCredentials[username=" + username + ", password=(hidden)]";
    }
}
