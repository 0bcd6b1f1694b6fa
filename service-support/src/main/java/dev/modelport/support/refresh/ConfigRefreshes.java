package dev.modelport.support.refresh;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.event.EventListener;

/**
 * Counts this instance's configuration refreshes (by the bus or {@code /actuator/refresh}) and
 * shows the last one under {@code config} in {@code /actuator/info}, so an operator, and
 * {@code bin/platform refresh}, can see that each instance really reloaded and what changed.
 */
public class ConfigRefreshes implements InfoContributor {

    private static final int KEYS_SHOWN = 20;

    private final Clock clock;
    private Snapshot last = new Snapshot(0, null, List.of());

    /** @param changedKeys the keys whose values changed in the last refresh, at most {@value KEYS_SHOWN} */
    record Snapshot(long refreshes, Instant lastRefresh, List<String> changedKeys) {
    }

    public ConfigRefreshes(Clock clock) {
        this.clock = clock;
    }

    @EventListener
    void onEnvironmentChange(EnvironmentChangeEvent event) {
        Set<String> keys = new TreeSet<>(event.getKeys());
        synchronized (this) {
            last = new Snapshot(last.refreshes() + 1, clock.instant(), keys.stream().limit(KEYS_SHOWN).toList());
        }
    }

    synchronized Snapshot snapshot() {
        return last;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Snapshot current = snapshot();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("refreshes", current.refreshes());
        if (current.lastRefresh() != null) {
            details.put("lastRefresh", current.lastRefresh().toString());
            details.put("changedKeys", current.changedKeys());
        }
        builder.withDetail("config", details);
    }
}
