package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelRouteTest {

    /** Any fixed seed does: the share it draws is the same on every run. */
    private static final long SEED = 20_261_122L;

    private final List<LoadedVersion> loaded = new ArrayList<>();

    @AfterEach
    void closeVersions() throws Exception {
        for (LoadedVersion version : loaded) {
            version.close();
        }
    }

    @Test
    void pickWhenCanaryAt20PercentThen2000RequestsLandWithin17To23Percent() throws Exception {
        ModelRoute route = route(20, unused());
        int canary = 0;
        for (int i = 0; i < 2000; i++) {
            if (route.pick("request-" + i) == route.canary()) {
                canary++;
            }
        }
        // the ids and their hash are fixed, so this count is the same on every run
        assertThat(canary).isBetween(340, 460);
    }

    @Test
    void pickWhenNoIdThenRandomShareWithinBounds() throws Exception {
        ModelRoute route = route(20, new SplittableRandom(SEED));
        int canary = 0;
        for (int i = 0; i < 2000; i++) {
            if (route.pick(null) == route.canary()) {
                canary++;
            }
        }
        assertThat(canary).isBetween(340, 460);
    }

    @Test
    void pickWhenNoIdThenBucketsBelowThePercentGoToTheCanary() throws Exception {
        // at 20 % the canary's buckets are 0 to 19
        Iterator<Integer> buckets = List.of(0, 19, 20, 99).iterator();
        RandomGenerator scripted = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("buckets are drawn with nextInt(100)");
            }

            @Override
            public int nextInt(int bound) {
                assertThat(bound).isEqualTo(100);
                return buckets.next();
            }
        };
        ModelRoute route = route(20, scripted);
        List<LoadedVersion> picked = List.of(route.pick(null), route.pick(null), route.pick(null), route.pick(null));
        assertThat(picked).containsExactly(route.canary(), route.canary(), route.production(), route.production());
    }

    @Test
    void pickWhenSameIdThenSameVersionEveryTime() throws Exception {
        ModelRoute route = route(50, unused());
        LoadedVersion first = route.pick("customer-42");
        for (int i = 0; i < 100; i++) {
            assertThat(route.pick("customer-42")).isSameAs(first);
        }
    }

    @Test
    void pickWhenNoCanaryThenProduction() throws Exception {
        ModelRoute route = route(0, unused());
        assertThat(route.pick("anything")).isSameAs(route.production());
        assertThat(route.pick(null)).isSameAs(route.production());
    }

    private ModelRoute route(int percent, RandomGenerator random) throws Exception {
        LoadedVersion production = version(1);
        LoadedVersion canary = version(2);
        return new ModelRoute(production, canary, percent, null, Map.of(1, production, 2, canary), random);
    }

    /** A version that runs directly: routing needs none of a batch queue's runner threads. */
    private LoadedVersion version(int number) throws Exception {
        LoadedVersion version = EngineFixtures.directVersion(new VersionKey("m", number));
        loaded.add(version);
        return version;
    }

    /** For routes whose test never draws: a draw fails it. */
    private static RandomGenerator unused() {
        return () -> {
            throw new AssertionError("a request with an id, or a route without a canary, draws no bucket");
        };
    }
}
