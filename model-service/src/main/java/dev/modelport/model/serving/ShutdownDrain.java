package dev.modelport.model.serving;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM, before anything else stops: leave Eureka and report not-ready, then keep
 * serving for {@code modelport.shutdown.drain} while gateways and clients notice (their
 * registry fetch and load-balancer cache are 5 s each). Only then do the web server's
 * graceful shutdown (in-flight requests) and the batch queues' drain run.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ObjectProvider<EurekaAutoServiceRegistration> registration;
    private final ApplicationEventPublisher events;
    private final Duration drain;
    private volatile boolean running;

    ShutdownDrain(ObjectProvider<EurekaAutoServiceRegistration> registration, ApplicationEventPublisher events,
                  @Value("${modelport.shutdown.drain:12s}") Duration drain) {
        this.registration = registration;
        this.events = events;
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        registration.ifAvailable(EurekaAutoServiceRegistration::stop);
        if (!drain.isZero()) {
            log.info("left the registry; serving for {} more while clients move away", drain);
            try {
                Thread.sleep(drain);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: the highest phase stops before the web server (graceful shutdown) and everything else. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
