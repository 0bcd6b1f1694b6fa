package dev.modelport.model.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Wraps the application's JWT decoder (REST and gRPC share it) in a {@link VerifiedTokenCache}
 * unless {@code modelport.security.verified-token-ttl} is 0.
 */
@Configuration
class TokenCacheConfiguration {

    static final String TTL = "modelport.security.verified-token-ttl";
    static final String MAX_TOKENS = "modelport.security.verified-token-max";

    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JwtDecoder decoder) || bean instanceof VerifiedTokenCache) {
                    return bean;
                }
                Binder binder = Binder.get(environment);
                Duration ttl = binder.bind(TTL, Duration.class).orElse(Duration.ofSeconds(30));
                long max = binder.bind(MAX_TOKENS, Long.class).orElse(10_000L);
                if (ttl.isNegative() || max < 0) {
                    throw new IllegalStateException(TTL + " and " + MAX_TOKENS + " can't be negative (0 turns the cache off)");
                }
                return ttl.isZero() || max == 0 ? bean : new VerifiedTokenCache(decoder, ttl, max, Clock.systemUTC());
            }
        };
    }
}
