package dev.modelport.gateway.ratelimit;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Per-client quotas for the RequestRateLimiter default filter: in Redis when
 * {@code spring.data.redis.host} or {@code .url} is set (compose, CI), so every gateway instance
 * shares them; in this JVM otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimiting {

    @Bean
    TierLimits tierLimits(RateLimitProperties properties, Environment environment) {
        return new TierLimits(properties, environment);
    }

    @Bean
    ClientKeyResolver clientKeyResolver() {
        return new ClientKeyResolver();
    }

    @Bean
    LocalQuotaStore localQuotaStore() {
        return new LocalQuotaStore();
    }

    // Primary: the gateway's Redis auto-configuration adds its own (per-route) RedisRateLimiter
    @Bean
    @Primary
    TieredRateLimiter tieredRateLimiter(TierLimits limits, LocalQuotaStore local, ObjectProvider<RedisQuotaStore> redis) {
        QuotaStore store = redis.getIfAvailable();
        return new TieredRateLimiter(limits, store != null ? store : local);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisConfigured.class)
    static class SharedQuota {

        @Bean
        @SuppressWarnings("unchecked")
        RedisQuotaStore redisQuotaStore(ReactiveRedisConnectionFactory connections, LocalQuotaStore local) {
            RedisScript<List<Long>> script = RedisScript.of(
                    new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), (Class<List<Long>>) (Class<?>) List.class);
            return new RedisQuotaStore(new ReactiveStringRedisTemplate(connections), script, local);
        }
    }

    static class RedisConfigured extends AnyNestedCondition {

        RedisConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "spring.data.redis", name = "host")
        static class Host {
        }

        @ConditionalOnProperty(prefix = "spring.data.redis", name = "url")
        static class Url {
        }
    }
}
