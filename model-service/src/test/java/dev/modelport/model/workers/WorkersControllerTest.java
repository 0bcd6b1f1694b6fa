package dev.modelport.model.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.security.oauth2.jwt.Jwt;

class WorkersControllerTest {

    private final WorkersController controller = new WorkersController(new DiscoveryClient() {
        @Override
        public String description() {
            return "two workers";
        }

        @Override
        public List<ServiceInstance> getInstances(String serviceId) {
            return List.of(
                    worker("worker-1", 8081, "iris:1,fraud:3", ""),
                    worker("worker-2", 8082, "fraud:3,churn:2,iris:2", "churn:2"));
        }

        @Override
        public List<String> getServices() {
            return List.of("model-service");
        }
    });

    @Test
    void workersWhenPlatformAdminThenEveryLoadedVersion() {
        var workers = controller.workers(token(null));

        assertThat(workers).extracting(WorkersController.Worker::instanceId).containsExactly("worker-1", "worker-2");
        assertThat(workers.get(1).loaded()).extracting(WorkersController.LoadedModel::model)
                .containsExactly("fraud", "churn", "iris");
    }

    @Test
    void workersWhenModelLimitedThenOnlyItsModelsAreListedAsLoaded() {
        var workers = controller.workers(token(List.of("iris")));

        assertThat(workers).as("the instances themselves are no secret").hasSize(2);
        assertThat(workers).flatExtracting(WorkersController.Worker::loaded).containsExactly(
                new WorkersController.LoadedModel("iris", 1, true), new WorkersController.LoadedModel("iris", 2, true));
    }

    @Test
    void workersWhenAVersionsWarmUpFailedThenItIsServingNotWarmedUpOnThatWorkerOnly() {
        var workers = controller.workers(token(null));

        assertThat(workers.get(1).loaded()).extracting(WorkersController.LoadedModel::model,
                WorkersController.LoadedModel::state).containsExactly(tuple("fraud", "serving"),
                tuple("churn", "serving, not warmed up"), tuple("iris", "serving"));
        assertThat(workers.get(0).loaded()).allMatch(WorkersController.LoadedModel::warmedUp);
    }

    private static ServiceInstance worker(String id, int port, String loaded, String notWarmedUp) {
        return new DefaultServiceInstance(id, "model-service", "localhost", port, false,
                Map.of("loaded", loaded, "not-warmed-up", notWarmedUp));
    }

    private static Jwt token(List<String> models) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("caller")
                .claim("scope", List.of("models.read")).issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60));
        if (models != null) {
            jwt.claim("models", models);
        }
        return jwt.build();
    }
}
