package dev.modelport.support.bus;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.DeclarableCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Each instance's bus queue is anonymous (every instance gets every event). Spring AMQP 4 declares
 * anonymous queues with {@code x-queue-leader-locator}, which RabbitMQ before 4.0 refuses for
 * classic queues (406 PRECONDITION_FAILED, so the bus never subscribes: Debian's 3.10 does this).
 * Without the argument the broker places the queue on the client's node anyway.
 */
@AutoConfiguration
@ConditionalOnClass(DeclarableCustomizer.class)
@ConditionalOnBooleanProperty("spring.cloud.bus.enabled")
public class BusQueueAutoConfiguration {

    @Bean
    DeclarableCustomizer busQueuesWithoutLeaderLocator() {
        return declarable -> {
            if (declarable instanceof AnonymousQueue queue) {
                queue.setLeaderLocator(null);
            }
            return declarable;
        };
    }
}
