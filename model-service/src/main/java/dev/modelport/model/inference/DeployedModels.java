package dev.modelport.model.inference;

import dev.modelport.model.catalog.Deployment;
import dev.modelport.model.catalog.ModelVersion;
import dev.modelport.model.catalog.RolloutService;
import dev.modelport.model.events.RegistryChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this worker in step with the registry: on every change notification (and the periodic
 * reconcile) it loads the versions rollouts name, swaps in the new routes, and unloads what
 * no rollout names any more once its in-flight requests are done. A version takes traffic
 * only after it is loaded (and warmed up, where a warm-up request can be made). When the catalog
 * cannot be read, what is loaded keeps serving as the last sync left it, and {@link #catalogSync()}
 * says since when. Every sync that reads the catalog is kept as the {@link RolloutSnapshot}; a
 * worker whose first sync cannot read the catalog serves that snapshot instead, from its verified
 * cached model files, until a sync succeeds.
 */
@Component
public class DeployedModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeployedModels.class);

    private final RolloutService rollouts;
    private final ModelLoader loader;
    private final RolloutSnapshot snapshot;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ExecutorService sync = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("model-sync").factory());
    private final AtomicBoolean syncQueued = new AtomicBoolean();
    private final Map<VersionKey, LoadedVersion> loaded = new ConcurrentHashMap<>();
    private volatile Map<String, ModelRoute> routes = Map.of();
    private volatile boolean synced;
    private volatile CatalogSync catalogSync = CatalogSync.NEVER;

    DeployedModels(RolloutService rollouts, ModelLoader loader, RolloutSnapshot snapshot,
                   ApplicationEventPublisher publisher, Clock clock) {
        this.rollouts = rollouts;
        this.loader = loader;
        this.snapshot = snapshot;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * How the last syncs with the catalog went.
     *
     * @param lastSuccess when a sync last read the catalog (null: never)
     * @param failingSince when the syncs since the last success began to fail (null: the last one succeeded)
     * @param lastError why the last sync failed (null: it did not)
     * @param snapshotReadAt when the local snapshot this worker serves was read from the catalog (null:
     *     it serves what it read itself)
     */
    public record CatalogSync(Instant lastSuccess, Instant failingSince, String lastError, Instant snapshotReadAt) {

        static final CatalogSync NEVER = new CatalogSync(null, null, null, null);

        /** The last sync read the catalog. */
        public boolean reachable() {
            return lastSuccess != null && failingSince == null;
        }

        /** Serving the rollouts of a local snapshot: no sync of this worker has read the catalog yet. */
        public boolean fromSnapshot() {
            return snapshotReadAt != null;
        }

        CatalogSync succeeded(Instant now) {
            return new CatalogSync(now, null, null, null);
        }

        CatalogSync failed(Instant now, String error) {
            return new CatalogSync(lastSuccess, failingSince == null ? now : failingSince, error, snapshotReadAt);
        }

        CatalogSync restored(Instant readAt) {
            return new CatalogSync(lastSuccess, failingSince, lastError, readAt);
        }
    }

    public CatalogSync catalogSync() {
        return catalogSync;
    }

    /**
     * Published after every sync: the versions this worker serves now, and those of them whose
     * warm-up request failed (they serve, and their first requests pay the start-up cost).
     */
    public record LoadedVersionsChanged(Set<VersionKey> versions, Set<VersionKey> notWarmedUp) {
    }

    @EventListener
    void onRegistryChange(RegistryChanged change) {
        // changes arriving while a sync is queued are covered by it: it reads the whole registry
        if (syncQueued.compareAndSet(false, true)) {
            sync.execute(() -> {
                syncQueued.set(false);
                syncNow();
            });
        }
    }

    /** True once the first sync finished: every deployed version that could be loaded is. */
    public boolean synced() {
        return synced;
    }

    Optional<ModelRoute> route(String model) {
        return Optional.ofNullable(routes.get(model));
    }

    /** The versions serving on this worker. */
    public Set<VersionKey> loadedVersions() {
        return Set.copyOf(loaded.keySet());
    }

    private Set<VersionKey> notWarmedUp() {
        return loaded.entrySet().stream().filter(entry -> !entry.getValue().warmedUp())
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Asks for a first sync when the application has started, whether or not the registry's notifications connect. */
    @EventListener(ApplicationStartedEvent.class)
    void onStarted() {
        onRegistryChange(new RegistryChanged(null, RegistryChanged.RECONCILE));
    }

    void syncNow() {
        List<Deployment> deployments;
        try {
            deployments = rollouts.deployments();
        } catch (RuntimeException e) {
            catalogSync = catalogSync.failed(Instant.now(clock), e.getMessage());
            if (synced) {
                log.warn("model sync failed ({}); serving what is loaded, the next change or reconcile retries",
                        e.getMessage());
            } else {
                restoreSnapshot(e);
            }
            return;
        }
        try {
            apply(deployments);
        } catch (RuntimeException e) {
            log.error("applying the rollouts read from the catalog failed; serving what is loaded", e);
            return;
        }
        Instant now = Instant.now(clock);
        catalogSync = catalogSync.succeeded(now);
        snapshot.save(deployments, now);
    }

    private void restoreSnapshot(RuntimeException cause) {
        Optional<RolloutSnapshot.Saved> saved = snapshot.load();
        if (saved.isEmpty()) {
            log.warn("cannot read the catalog ({}) and no rollout snapshot is kept in {}: nothing to serve until "
                    + "the catalog answers", cause.getMessage(), snapshot.file());
            return;
        }
        log.warn("cannot read the catalog ({}); serving the rollouts of the local snapshot read at {} until it "
                + "answers", cause.getMessage(), saved.get().readAt());
        apply(saved.get().deployments());
        catalogSync = catalogSync.restored(saved.get().readAt());
    }

    /** Loads what {@code deployments} name, routes to it, unloads the rest; then this worker is synced. */
    private void apply(List<Deployment> deployments) {
        Set<VersionKey> wanted = new HashSet<>();
        for (Deployment deployment : deployments) {
            for (ModelVersion version : deployment.versions()) {
                VersionKey key = new VersionKey(version.model(), version.version());
                wanted.add(key);
                if (!loaded.containsKey(key)) {
                    loadQuietly(version).ifPresent(ready -> loaded.put(key, ready));
                }
            }
        }
        routes = routesFor(deployments);
        for (VersionKey key : Set.copyOf(loaded.keySet())) {
            if (!wanted.contains(key)) {
                log.info("unloading {}: no rollout names it", key);
                loaded.remove(key).retire();
            }
        }
        synced = true;
        publisher.publishEvent(new LoadedVersionsChanged(loadedVersions(), notWarmedUp()));
    }

    private Optional<LoadedVersion> loadQuietly(ModelVersion version) {
        try {
            return Optional.of(loader.load(version));
        } catch (Exception e) {
            log.error("cannot load {}:{}; it will not take traffic here", version.model(), version.version(), e);
            return Optional.empty();
        }
    }

    private Map<String, ModelRoute> routesFor(List<Deployment> deployments) {
        Map<String, ModelRoute> next = new HashMap<>();
        for (Deployment deployment : deployments) {
            LoadedVersion production = loadedVersion(deployment, deployment.rollout().production());
            if (production == null) {
                continue;
            }
            Map<Integer, LoadedVersion> versions = new HashMap<>();
            for (ModelVersion version : deployment.versions()) {
                LoadedVersion ready = loadedVersion(deployment, version.version());
                if (ready != null) {
                    versions.put(version.version(), ready);
                }
            }
            next.put(deployment.model(), new ModelRoute(production, loadedVersion(deployment, deployment.rollout().canary()),
                    deployment.rollout().canaryPercent(), loadedVersion(deployment, deployment.rollout().shadow()),
                    Map.copyOf(versions)));
        }
        return Map.copyOf(next);
    }

    private LoadedVersion loadedVersion(Deployment deployment, Integer number) {
        return number == null ? null : loaded.get(new VersionKey(deployment.model(), number));
    }

    @Override
    public void close() {
        sync.shutdownNow();
        routes = Map.of();
        loaded.values().forEach(LoadedVersion::retire);
        loaded.clear();
    }
}
