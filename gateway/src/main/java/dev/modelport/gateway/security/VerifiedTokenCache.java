package dev.modelport.gateway.security;

import dev.modelport.support.security.VerifiedTokens;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's JWT decoder with a memory of the tokens it verified ({@link VerifiedTokens}): a
 * token that passed the signature, issuer, audience and lifetime checks is trusted again for
 * {@code ttl}, never past its {@code exp}. Tokens that fail are checked in full every time.
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final VerifiedTokens<Jwt> verified;

    VerifiedTokenCache(ReactiveJwtDecoder delegate, Duration ttl, long maxTokens, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens<>(ttl, maxTokens, clock, Jwt::getExpiresAt);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt hit = verified.get(token);
        return hit != null ? Mono.just(hit) : delegate.decode(token).map(jwt -> verified.remember(token, jwt));
    }
}
