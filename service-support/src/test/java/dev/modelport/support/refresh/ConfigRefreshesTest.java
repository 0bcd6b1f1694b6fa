package dev.modelport.support.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;

class ConfigRefreshesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final ConfigRefreshes refreshes = new ConfigRefreshes(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void infoWhenNeverRefreshedThenZeroAndNoTime() {
        assertThat(config()).containsEntry("refreshes", 0L).doesNotContainKey("lastRefresh");
    }

    @Test
    void infoWhenRefreshedTwiceThenCountsAndShowsTheLastChangedKeysSorted() {
        refreshes.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("a.first")));
        refreshes.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("modelport.z", "modelport.b")));
        assertThat(config()).containsEntry("refreshes", 2L)
                .containsEntry("lastRefresh", "2026-11-22T10:00:00Z")
                .containsEntry("changedKeys", java.util.List.of("modelport.b", "modelport.z"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> config() {
        Info.Builder builder = new Info.Builder();
        refreshes.contribute(builder);
        return (Map<String, Object>) builder.build().getDetails().get("config");
    }
}
