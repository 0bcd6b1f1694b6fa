package dev.modelport.support.refresh;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;

/** Shows configuration refreshes in {@code /actuator/info} in every service that can refresh. */
@AutoConfiguration
@ConditionalOnClass(EnvironmentChangeEvent.class)
public class RefreshInfoAutoConfiguration {

    @Bean
    ConfigRefreshes configRefreshes(ObjectProvider<Clock> clock) {
        return new ConfigRefreshes(clock.getIfAvailable(Clock::systemUTC));
    }
}
