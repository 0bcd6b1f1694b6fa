package dev.modelport.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.testing.ModelServiceTest;
import dev.modelport.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
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
        transaction.executeWithoutResult(status -> events.changed("iris", "after-the-rollback"));
        // PostgreSQL delivers notifications in commit order: had the rolled-back one been sent, it would come
        // before the change committed after it, so no waiting for it to stay away is needed
        List<RegistryChanged> delivered = changesUntil("after-the-rollback");
        assertThat(delivered).extracting(RegistryChanged::change)
                .containsExactly("version-uploaded", "rollout-changed", "after-the-rollback");
        assertThat(delivered).extracting(RegistryChanged::model).containsOnly("iris");
    }

    private RegistryChanged awaitChange(String change) throws InterruptedException {
        RegistryChanged event;
        do {
            event = next();
        } while (!change.equals(event.change()));
        return event;
    }

    /** Every change delivered up to and including {@code last}, leaving out the periodic reconciles. */
    private List<RegistryChanged> changesUntil(String last) throws InterruptedException {
        List<RegistryChanged> delivered = new ArrayList<>();
        RegistryChanged event;
        do {
            event = next();
            if (!RegistryChanged.RECONCILE.equals(event.change())) {
                delivered.add(event);
            }
        } while (!last.equals(event.change()));
        return delivered;
    }

    private RegistryChanged next() throws InterruptedException {
        // a guard against a hang, not a threshold: a committed change arrives within milliseconds
        RegistryChanged event = received.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("a change delivered").isNotNull();
        return event;
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
