package dev.modelport.model.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@code NOTIFY}s from any instance into {@link RegistryChanged} application events on
 * this one, and emits a {@code reconcile} event periodically and after every reconnect, so
 * a worker that missed notifications (database restart, network blip) still converges. Losing
 * the connection also asks for a sync, which then records the catalog as unreachable.
 */
@Component
class RegistryChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistryChangeListener.class);
    private static final int POLL_MILLIS = 1000;

    private final DataSource dataSource;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Duration reconcileInterval;
    private volatile boolean running;
    private Thread thread;
    /** When the connection was lost, while it stays lost; logged once, not on every retry. */
    private Instant interruptedSince;

    RegistryChangeListener(DataSource dataSource, ApplicationEventPublisher publisher, JsonMapper json,
                           @Value("${modelport.registry.reconcile-interval:30s}") Duration reconcileInterval) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.json = json;
        this.reconcileInterval = reconcileInterval;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("registry-listener").start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + RegistryEvents.CHANNEL);
                }
                if (interruptedSince != null) {
                    log.info("registry notifications resumed after {} s", Duration.between(interruptedSince, Instant.now()).toSeconds());
                    interruptedSince = null;
                }
                publisher.publishEvent(new RegistryChanged(null, RegistryChanged.RECONCILE));
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException e) {
                if (running) {
                    if (interruptedSince == null) {
                        interruptedSince = Instant.now();
                        log.warn("registry notifications interrupted ({}); reconnecting every second, serving what is loaded",
                                e.getMessage());
                        // a sync now finds the catalog unreachable, so health and the gauge say so during the outage
                        publisher.publishEvent(new RegistryChanged(null, RegistryChanged.RECONCILE));
                    } else {
                        log.debug("registry notifications still interrupted: {}", e.getMessage());
                    }
                    pause();
                }
            }
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        Instant nextReconcile = Instant.now().plus(reconcileInterval);
        while (running) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    publish(notification.getParameter());
                }
            }
            if (Instant.now().isAfter(nextReconcile)) {
                publisher.publishEvent(new RegistryChanged(null, RegistryChanged.RECONCILE));
                nextReconcile = Instant.now().plus(reconcileInterval);
            }
        }
    }

    private void publish(String payload) {
        try {
            Map<?, ?> fields = json.readValue(payload, Map.class);
            publisher.publishEvent(new RegistryChanged((String) fields.get("model"), (String) fields.get("change")));
        } catch (RuntimeException e) {
            log.warn("ignoring malformed registry notification: {}", payload);
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
