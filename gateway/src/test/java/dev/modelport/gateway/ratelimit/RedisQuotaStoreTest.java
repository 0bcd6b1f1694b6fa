package dev.modelport.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelport.testsupport.RequiredServices;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Against the Redis on 127.0.0.1:6379: skipped when there is none, failed instead in CI and
 * under bin/test ({@link RequiredServices}).
 */
class RedisQuotaStoreTest {

    private static final RateLimitProperties.TierLimit LIMIT = new RateLimitProperties.TierLimit(1, 3);

    private LettuceConnectionFactory connections;

    @BeforeEach
    void connect() {
        boolean reachable = reachable();
        assumeTrue(RequiredServices.available(reachable, "Redis on 127.0.0.1:6379"), "Redis on 127.0.0.1:6379 is not reachable");
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterEach
    void close() {
        if (connections != null) {
            connections.destroy();
        }
    }

    @Test
    void takeWhenTwoStoresShareRedisThenOneQuota() {
        RedisQuotaStore first = store();
        RedisQuotaStore second = store();
        String client = "test-" + UUID.randomUUID();
        // connect both stores first: on a busy machine the first call can take longer than a refill
        first.take("warm-" + client, LIMIT).block();
        second.take("warm-" + client, LIMIT).block();
        // alternate between the stores until one refuses: one shared bucket allows the burst (3) plus
        // what refilled meanwhile (1/s); two separate buckets would allow 6
        long started = System.nanoTime();
        int allowed = 0;
        Quota refused = null;
        for (int call = 0; call < 12 && refused == null; call++) {
            Quota quota = (call % 2 == 0 ? first : second).take(client, LIMIT).block();
            if (quota.allowed()) {
                allowed++;
            } else {
                refused = quota;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(refused).as("refused once the shared burst was spent").isNotNull();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(allowed).as("allowed in %.2f s", seconds).isBetween(3, 3 + (int) Math.ceil(seconds));
        assertThat(first.take("other-" + client, LIMIT).block().allowed()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private RedisQuotaStore store() {
        RedisScript<List<Long>> script = RedisScript.of(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"),
                (Class<List<Long>>) (Class<?>) List.class);
        return new RedisQuotaStore(new ReactiveStringRedisTemplate(connections), script, new LocalQuotaStore());
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
