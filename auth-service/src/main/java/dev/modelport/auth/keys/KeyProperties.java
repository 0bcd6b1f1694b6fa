package dev.modelport.auth.keys;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signing-key settings.
 *
 * @param keyEncryptionSecret what the private keys in the database are encrypted with
 *        ({@code MODELPORT_KEY_ENCRYPTION_SECRET}); every auth-service instance needs the same one
 * @param keyRotationInterval how old the newest key may get before a new one replaces it
 * @param accessTokenTtl how long a token lives, so how long a replaced key stays published: the
 *        same {@code modelport.auth.access-token-ttl} the token settings read (keys stand alone)
 */
@Validated
@ConfigurationProperties("modelport.auth")
public record KeyProperties(
        @NotBlank(message = "set MODELPORT_KEY_ENCRYPTION_SECRET: it encrypts the token signing keys stored in PostgreSQL")
        String keyEncryptionSecret,
        @DefaultValue("30d") Duration keyRotationInterval,
        @DefaultValue("15m") Duration accessTokenTtl) {

    @Override
    public String toString() {
        return "KeyProperties[keyEncryptionSecret=<hidden>, keyRotationInterval=" + keyRotationInterval
                + ", accessTokenTtl=" + accessTokenTtl + "]";
    }
}
