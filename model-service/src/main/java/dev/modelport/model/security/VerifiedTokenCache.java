package dev.modelport.model.security;

import dev.modelport.support.security.VerifiedTokens;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The application's JWT decoder with a memory of the tokens it verified ({@link VerifiedTokens}):
 * a token that passed is trusted again for {@code ttl}, never past its {@code exp}; tokens that
 * fail are checked in full every time.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final VerifiedTokens<Jwt> verified;

    VerifiedTokenCache(JwtDecoder delegate, Duration ttl, long maxTokens, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens<>(ttl, maxTokens, clock, Jwt::getExpiresAt);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt hit = verified.get(token);
        return hit != null ? hit : verified.remember(token, delegate.decode(token));
    }
}
