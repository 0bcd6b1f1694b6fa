package dev.modelport.model.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelport.model.testing.ModelServiceTest;
import dev.modelport.testsupport.TestDatabase;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** A change notified inside a transaction reaches listeners once it commits, and not if it rolls back. */
@ModelServiceTest(webEnvironment = WebEnvironment.MOCK)
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

    /** The next {@code change} delivered; each poll takes one event off the queue, so the ones before it are skipped. */
    private RegistryChanged awaitChange(String change) {
        return await("a '" + change + "' change").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .until(() -> received.poll(200, TimeUnit.MILLISECONDS), event -> event != null && change.equals(event.change()));
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
