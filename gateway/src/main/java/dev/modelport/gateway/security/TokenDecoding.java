package dev.modelport.gateway.security;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Accepts only RS256 tokens signed by a key in auth-service's JWKS, from the configured issuer,
 * for the {@code modelport} audience, within their lifetime (plus the clock skew). {@code alg:none},
 * HMAC and unknown keys fail in the signature check. A token that passed is trusted again for
 * {@code verified-token-ttl} ({@link VerifiedTokenCache}).
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoding {

    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenProperties properties, Clock clock) {
        JwksCache keys = new JwksCache(WebClient.create(), properties.jwkSetUri(), properties.jwksRefreshInterval(),
                properties.jwksMaxAge(), clock);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .validateType(false)
                .build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator(properties.clockSkew());
        lifetime.setClock(clock);
        lifetime.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                lifetime,
                new JwtIssuerValidator(properties.issuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience())))));
        return properties.cachesVerifiedTokens()
                ? new VerifiedTokenCache(decoder, properties.verifiedTokenTtl(), properties.verifiedTokenMax(), clock)
                : decoder;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
