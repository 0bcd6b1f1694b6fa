package dev.modelport.gateway.resilience;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.cloud.client.ServiceInstance;

/**
 * Instances that just refused a connection. Eureka takes up to half a minute to drop a dead
 * worker; until then the load balancer would keep picking it, and a retry has even odds of
 * landing on it again. A refused instance is skipped for a while instead.
 */
class InstanceQuarantine {

    private final ConcurrentMap<String, Instant> refused = new ConcurrentHashMap<>();
    private final Duration duration;
    private final Clock clock;

    InstanceQuarantine(Duration duration, Clock clock) {
        this.duration = duration;
        this.clock = clock;
    }

    void refusedConnection(URI instance) {
        refused.put(key(instance.getHost(), instance.getPort()), clock.instant().plus(duration));
    }

    boolean isQuarantined(ServiceInstance instance) {
        String key = key(instance.getHost(), instance.getPort());
        Instant until = refused.get(key);
        if (until == null) {
            return false;
        }
        if (until.isBefore(clock.instant())) {
            refused.remove(key, until);
            return false;
        }
        return true;
    }

    static String key(String host, int port) {
        return host + ":" + port;
    }
}
