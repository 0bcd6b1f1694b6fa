package dev.modelport.auth.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-start value for the {@code admin} user; read only while that user does not exist.
 *
 * @param adminPassword {@code MODELPORT_ADMIN_PASSWORD}
 */
@ConfigurationProperties("modelport.auth")
public record AdminBootstrapProperties(String adminPassword) {

    @Override
    public String toString() {
        return "AdminBootstrapProperties[adminPassword=<hidden>]";
    }
}
