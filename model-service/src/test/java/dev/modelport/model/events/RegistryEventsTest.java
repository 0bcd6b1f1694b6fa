package dev.modelport.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.testsupport.TestDatabase;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** A change notified inside a transaction reaches listeners once it commits, and not if it rolls back. */
@SpringBootTest(properties = {
        "MODELPORT_INFRA_PASSWORD=model-test-secret",
        "eureka.client.enabled=false",
        "spring.cloud.config.enabled=false"})
class RegistryEventsTest {

    @Autowired
    RegistryEvents events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    BlockingQueue<RegistryChanged> received;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Coordinates db = TestDatabase.create("model_events");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void changedWhenCommittedThenDeliveredAndWhenRolledBackThenNot() throws Exception {
        awaitChange("reconcile");
        transaction.executeWithoutResult(status -> events.changed("iris", "version-uploaded"));
        transaction.executeWithoutResult(status -> events.changed("iris", "rollout-changed"));
        transaction.executeWithoutResult(status -> {
            events.changed("iris", "never-seen");
            status.setRollbackOnly();
        });
        RegistryChanged first = awaitChange("version-uploaded");
        assertThat(first.model()).isEqualTo("iris");
        assertThat(awaitChange("rollout-changed").model()).isEqualTo("iris");
        RegistryChanged next = received.poll(1500, TimeUnit.MILLISECONDS);
        while (next != null && RegistryChanged.RECONCILE.equals(next.change())) {
            next = received.poll(500, TimeUnit.MILLISECONDS);
        }
        assertThat(next).as("the rolled-back change is never delivered").isNull();
    }

    private RegistryChanged awaitChange(String change) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            RegistryChanged event = received.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && change.equals(event.change())) {
                return event;
            }
        }
        throw new AssertionError("no '" + change + "' change within 10 s");
    }

    @TestConfiguration
    static class Collector {

        @Bean
        BlockingQueue<RegistryChanged> received() {
            return new LinkedBlockingQueue<>();
        }

        @Bean
        ChangeCollector registryChangeCollector(BlockingQueue<RegistryChanged> received) {
            return new ChangeCollector(received);
        }
    }

    record ChangeCollector(BlockingQueue<RegistryChanged> received) {

        @EventListener
        public void on(RegistryChanged event) {
            received.add(event);
        }
    }
}
