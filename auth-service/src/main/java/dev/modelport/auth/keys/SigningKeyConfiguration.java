package dev.modelport.auth.keys;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Wires the key cipher and the encoder the authorization server signs tokens with. */
@Configuration
@EnableScheduling
class SigningKeyConfiguration {

    @Bean
    KeyCipher keyCipher(KeyProperties properties) {
        return new KeyCipher(properties.keyEncryptionSecret());
    }

    /** Signs with the newest published key (the JWK source lists newest first). */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(List::getFirst);
        return encoder;
    }
}
