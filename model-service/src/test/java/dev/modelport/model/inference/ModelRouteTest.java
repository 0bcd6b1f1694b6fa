package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.testing.OnnxModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRouteTest {

    @Test
    void pickWhenCanaryAt20PercentThen2000RequestsLandWithin17To23Percent() throws Exception {
        ModelRoute route = route(20);
        int canary = 0;
        for (int i = 0; i < 2000; i++) {
            if (route.pick("request-" + i) == route.canary()) {
                canary++;
            }
        }
        System.out.printf("canary share over 2000 request ids: %.1f %%%n", canary / 20.0);
        assertThat(canary).isBetween(340, 460);
    }

    @Test
    void pickWhenNoIdThenRandomShareWithinBounds() throws Exception {
        ModelRoute route = route(20);
        int canary = 0;
        for (int i = 0; i < 2000; i++) {
            if (route.pick(null) == route.canary()) {
                canary++;
            }
        }
        assertThat(canary).isBetween(340, 460);
    }

    @Test
    void pickWhenSameIdThenSameVersionEveryTime() throws Exception {
        ModelRoute route = route(50);
        LoadedVersion first = route.pick("customer-42");
        for (int i = 0; i < 100; i++) {
            assertThat(route.pick("customer-42")).isSameAs(first);
        }
    }

    @Test
    void pickWhenNoCanaryThenProduction() throws Exception {
        ModelRoute route = route(0);
        assertThat(route.pick("anything")).isSameAs(route.production());
    }

    private static ModelRoute route(int percent) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        var batching = EngineFixtures.batching(8, java.time.Duration.ofMillis(1), 8);
        LoadedVersion production = new LoadedVersion(new VersionKey("m", 1),
                EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT), EngineFixtures.metrics(registry), batching);
        LoadedVersion canary = new LoadedVersion(new VersionKey("m", 2),
                EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT), EngineFixtures.metrics(registry), batching);
        return new ModelRoute(production, canary, percent, null, Map.of(1, production, 2, canary));
    }
}
