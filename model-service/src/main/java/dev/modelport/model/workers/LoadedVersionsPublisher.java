package dev.modelport.model.workers;

import com.netflix.appinfo.ApplicationInfoManager;
import dev.modelport.model.inference.DeployedModels;
import dev.modelport.model.inference.VersionKey;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the versions this worker serves into its Eureka metadata ({@code loaded=iris:1,fraud:3}),
 * and those of them whose warm-up failed ({@code not-warmed-up=fraud:3}), so {@code GET /api/workers}
 * on any instance can tell what every worker has loaded without calling each of them.
 */
@Component
class LoadedVersionsPublisher {

    static final String METADATA_KEY = "loaded";
    static final String NOT_WARMED_UP_KEY = "not-warmed-up";

    private final ObjectProvider<ApplicationInfoManager> eureka;

    LoadedVersionsPublisher(ObjectProvider<ApplicationInfoManager> eureka) {
        this.eureka = eureka;
    }

    @EventListener
    void onLoadedVersionsChanged(DeployedModels.LoadedVersionsChanged change) {
        String loaded = joined(change.versions());
        String notWarmedUp = joined(change.notWarmedUp());
        eureka.ifAvailable(manager -> manager.registerAppMetadata(Map.of(METADATA_KEY, loaded, NOT_WARMED_UP_KEY, notWarmedUp)));
    }

    private static String joined(Set<VersionKey> versions) {
        return versions.stream().map(VersionKey::toString).sorted().collect(Collectors.joining(","));
    }
}
