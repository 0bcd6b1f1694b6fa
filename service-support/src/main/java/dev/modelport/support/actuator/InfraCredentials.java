package dev.modelport.support.actuator;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The infrastructure user that may read actuator endpoints beyond health (Prometheus scrapes,
 * operators). Bound from {@code modelport.infra.*}; the password comes from
 * {@code MODELPORT_INFRA_PASSWORD}.
 */
@Validated
@ConfigurationProperties("modelport.infra")
public record InfraCredentials(@DefaultValue("modelport") @NotBlank String username,
         @NotBlank(message = "set MODELPORT_INFRA_PASSWORD") String password) {
}
