package dev.modelport.e2e.deploy;

import static dev.modelport.e2e.deploy.YamlTree.at;
import static dev.modelport.e2e.deploy.YamlTree.list;
import static dev.modelport.e2e.deploy.YamlTree.maps;
import static dev.modelport.e2e.deploy.YamlTree.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * docker-compose.yml and k8s/ deploy the same platform: the same images, ports, secrets and
 * Prometheus config, with the workers' probes, disruption budget and autoscaler in place.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Repository.root();
    private static final String PASSWORD_FILE = "/etc/prometheus/secrets/infra-password";

    private final ComposeFile compose = ComposeFile.parse(Repository.read(ROOT.resolve("docker-compose.yml")));
    private final ModulePorts ports = ModulePorts.read(ROOT, new TreeSet<>(compose.modules().values()));
    private final Manifest base = Kustomization.read(ROOT.resolve("k8s/base")).manifest();

    @Test
    void yamlWhenAnyFileUnderK8sThenEveryDocumentParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("k8s"))) {
            files = walk.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        assertThat(files).allSatisfy(file -> assertThat(YamlTree.loadAll(Repository.read(file))).as(file.toString())
                .isNotEmpty().allMatch(Map.class::isInstance));
    }

    @Test
    void yamlWhenSyntaxBrokenThenParsingFails() {
        assertThatThrownBy(() -> KubernetesObject.parse("kind: Service\nmetadata:\n  name: [registry\n", "inline"))
                .isInstanceOf(YAMLException.class);
    }

    @Test
    void resourcesWhenListedInKustomizationThenNamedObjectsEachOnce() {
        assertThat(base.objects()).isNotEmpty().allSatisfy(object -> {
            assertThat(object.apiVersion()).as(object.source()).isNotBlank();
            assertThat(object.kind()).as(object.source()).isNotBlank();
            assertThat(object.name()).as(object.source()).isNotBlank();
        });
        assertThat(base.objects().stream().map(KubernetesObject::id)).doesNotHaveDuplicates();
        assertThat(base.find("Namespace", "modelport")).isPresent();
    }

    @Test
    void baseWhenCheckedAgainstComposeAndModulesThenConsistent() {
        assertThat(new ManifestChecks(compose, ports).problems(base)).isEmpty();
    }

    @Test
    void baseWhenReadThenDeploysEveryServiceComposeRuns() {
        Set<String> deployedModules = new TreeSet<>();
        Set<String> deployedImages = new TreeSet<>();
        base.workloads().forEach(workload -> workload.containers().forEach(container -> {
            ManifestChecks.moduleOf(container).ifPresentOrElse(deployedModules::add, () -> deployedImages.add(text(container, "image")));
        }));

        assertThat(deployedModules).isEqualTo(new TreeSet<>(compose.modules().values()));
        // Grafana stays outside the cluster manifests (k8s/README.md says how to point one at Prometheus)
        assertThat(deployedImages).containsExactlyInAnyOrderElementsOf(compose.thirdPartyImages().stream()
                .filter(image -> !image.startsWith("grafana/")).toList());
        assertThat(base.find("StatefulSet", "postgres")).isPresent();
    }

    @Test
    void composeWhenCheckedThenImagesPortsLoggingAndSecretsConsistent() {
        String envExample = Repository.read(ROOT.resolve(".env.example"));

        assertThat(new ComposeChecks(compose, ports).problems(envExample, ROOT)).isEmpty();
        assertThat(compose.requiredVariables()).contains("MODELPORT_RABBITMQ_PASSWORD", "MODELPORT_GRAFANA_ADMIN_PASSWORD");
    }

    @Test
    void secretsWhenGeneratedThenPlaceholdersForVariablesOfEnvExample() {
        Set<String> documented = Kustomization.envFile(Repository.read(ROOT.resolve(".env.example"))).keySet();
        Map<String, String> secrets = base.secrets().get("modelport-secrets");

        assertThat(secrets).isNotEmpty();
        assertThat(documented).containsAll(secrets.keySet());
        assertThat(secrets.values()).as("only placeholders are committed").allMatch(value -> value.startsWith("change-me"));
    }

    @Test
    void overlaysWhenPatchingThenEveryPatchTargetsAnObjectOfTheBase() throws IOException {
        List<Path> overlays;
        try (Stream<Path> children = Files.list(ROOT.resolve("k8s/overlays"))) {
            overlays = children.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(overlays).extracting(path -> path.getFileName().toString()).contains("small");
        for (Path overlay : overlays) {
            Kustomization kustomization = Kustomization.read(overlay);
            Manifest built = kustomization.manifest();
            assertThat(kustomization.patches()).as(overlay.toString()).isNotEmpty();
            for (Path patch : kustomization.patches()) {
                assertThat(KubernetesObject.parse(Repository.read(patch), patch.toString())).isNotEmpty().allSatisfy(object ->
                        assertThat(built.find(object.kind(), object.name())).as("%s patches %s", patch, object.id()).isPresent());
            }
        }
    }

    @Test
    void prometheusConfigWhenDeployedThenSameFileInComposeAndKubernetes() {
        assertThat(Repository.read(ROOT.resolve("k8s/base/prometheus.yml")))
                .isEqualTo(Repository.read(ROOT.resolve("monitoring/prometheus.yml")));
        assertThat(list(compose.service("prometheus").get("volumes")))
                .contains("./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void prometheusConfigWhenReadThenFindsServicesInEurekaWithTheInfrastructureUser() {
        Object config = YamlTree.loadAll(Repository.read(ROOT.resolve("monitoring/prometheus.yml"))).getFirst();
        List<Map<String, Object>> jobs = maps(at(config, "scrape_configs"));
        Map<String, Object> discovered = jobs.stream().filter(job -> at(job, "eureka_sd_configs") != null).findFirst().orElseThrow();
        Map<String, Object> eureka = maps(discovered.get("eureka_sd_configs")).getFirst();

        assertThat(text(eureka, "server")).isEqualTo("http://registry:8761/eureka");
        assertThat(text(eureka, "basic_auth", "username")).isEqualTo("modelport");
        assertThat(text(eureka, "basic_auth", "password_file")).isEqualTo(PASSWORD_FILE);
        assertThat(jobs.stream().filter(job -> !"prometheus".equals(text(job, "job_name")))).allSatisfy(job -> {
            assertThat(text(job, "metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(text(job, "basic_auth", "username")).isEqualTo("modelport");
            assertThat(text(job, "basic_auth", "password_file")).isEqualTo(PASSWORD_FILE);
        });
        // discovered jobs are named after the service, as the dashboard's job="gateway" expects
        assertThat(maps(discovered.get("relabel_configs"))).anySatisfy(rule -> {
            assertThat(text(rule, "target_label")).isEqualTo("job");
            assertThat(text(rule, "action")).isEqualTo("lowercase");
        });
    }

    @Test
    void prometheusPasswordFileWhenDeployedThenWrittenByComposeAndMountedByKubernetes() {
        String directory = PASSWORD_FILE.substring(0, PASSWORD_FILE.lastIndexOf('/'));
        Map<String, Object> service = compose.service("prometheus");
        assertThat(list(service.get("tmpfs"))).contains(directory);
        assertThat(String.join(" ", list(service.get("entrypoint")).stream().map(String::valueOf).toList()))
                .contains("$$MODELPORT_INFRA_PASSWORD").contains("> " + PASSWORD_FILE);

        KubernetesObject prometheus = base.find("Deployment", "prometheus").orElseThrow();
        Map<String, Object> container = prometheus.containers().getFirst();
        Optional<String> volume = maps(container.get("volumeMounts")).stream()
                .filter(mount -> directory.equals(text(mount, "mountPath"))).map(mount -> text(mount, "name")).findFirst();
        assertThat(volume).isPresent();
        Map<String, Object> secretVolume = maps(prometheus.podSpec().get("volumes")).stream()
                .filter(candidate -> volume.get().equals(text(candidate, "name"))).findFirst().orElseThrow();
        assertThat(maps(at(secretVolume, "secret", "items"))).singleElement().satisfies(item -> {
            assertThat(text(item, "key")).isEqualTo("MODELPORT_INFRA_PASSWORD");
            assertThat(text(item, "path")).isEqualTo(PASSWORD_FILE.substring(directory.length() + 1));
        });
    }

    @Test
    void checksWhenManifestBrokenThenNameEveryProblem() {
        Manifest broken = new Manifest(KubernetesObject.parse(BROKEN_MANIFEST, "inline"),
                Map.of("modelport-secrets", Map.of("MODELPORT_DB_PASSWORD", "change-me")), Map.of());

        List<String> problems = new ManifestChecks(compose, ports).problems(broken);

        List<String> expected = List.of(
                "Deployment/model-service container model-service: should declare containerPort 8081 named http (model-service listens there), not 8080",
                "Deployment/model-service container model-service: should declare containerPort 9091 named grpc",
                "Deployment/model-service container model-service env MODELPORT_DB_PASSWORD: refers to key DB_PASS of Secret modelport-secrets",
                "Deployment/model-service container model-service: envFrom names ConfigMap modelport-platform, which the manifests do not define",
                "Deployment/model-service container model-service: EUREKA_INSTANCE_PREFERIPADDRESS must be true",
                "Deployment/model-service container model-service: MODELPORT_HOSTNAME is unset",
                "Deployment/model-service container model-service: sets no resources.requests.cpu",
                "Deployment/model-service container model-service: sets no resources.requests.memory",
                "Deployment/model-service container model-service: sets no resources.limits.cpu",
                "Deployment/model-service container model-service: sets no resources.limits.memory",
                "Deployment/model-service container wait: image busybox:1 is not one docker-compose.yml runs",
                "Deployment/model-service container wait: sets no resources.",
                "Deployment/model-service container billing: image modelport/billing:latest is built by no docker-compose.yml service",
                "Deployment/model-service container billing: EUREKA_INSTANCE_PREFERIPADDRESS must be true",
                "Deployment/model-service container billing: MODELPORT_HOSTNAME is unset",
                "StatefulSet/postgres container postgres: image postgres:16 is not one docker-compose.yml runs",
                "StatefulSet/postgres: selector {app=db} does not match its pod labels {app=postgres}",
                "Deployment/model-service: replicas is 1; at least 2",
                "Deployment/model-service: readinessProbe should GET /v2/health/ready on port 8081, not /actuator/health on 8080",
                "Deployment/model-service: livenessProbe should GET /v2/health/live on port 8081, not /v2/health/live on 8080",
                "Service/model-service: port 8081 targets metrics, which no container of Deployment/model-service declares",
                "Service/postgres: selector {app=db} matches []",
                "no PodDisruptionBudget selects the pods of Deployment/model-service",
                "HorizontalPodAutoscaler/model-service: apiVersion should be autoscaling/v2, not autoscaling/v1",
                "HorizontalPodAutoscaler/model-service: scales Deployment/model-svc, which the manifests do not define",
                "no HorizontalPodAutoscaler scales Deployment/model-service");
        assertThat(expected).allSatisfy(problem -> assertThat(problems).anyMatch(actual -> actual.startsWith(problem)));
        assertThat(problems).allSatisfy(actual -> assertThat(expected).anyMatch(actual::startsWith));
    }

    @Test
    void composeChecksWhenComposeBrokenThenNameEveryProblem() {
        ComposeFile broken = ComposeFile.parse("""
                services:
                  registry:
                    build: {context: ., args: {MODULE: registry}}
                    image: modelport/eureka
                    environment:
                      MODELPORT_INFRA_PASSWORD: ${MODELPORT_INFRA_PASSWORD:?set it}
                      MODELPORT_SECRET_SAUCE: ${MODELPORT_SECRET_SAUCE:?set it}
                      MODELPORT_JWKS_URI: http://localhost:9000/oauth2/jwks
                      MODELPORT_GATEWAY_URI: http://gateway:8080
                    ports: ["8761:8761"]
                    healthcheck:
                      test: ["CMD", "curl", "-fsS", "http://localhost:8080/actuator/health"]
                    volumes: ["./no-such-dir:/data:ro"]
                """);

        List<String> problems = new ComposeChecks(broken, ports).problems("MODELPORT_INFRA_PASSWORD=\n", ROOT);

        assertThat(problems).containsExactlyInAnyOrder(
                "registry: image modelport/eureka should be modelport/registry:${MODELPORT_VERSION:-latest} (the name k8s/ deploys)",
                "registry: healthcheck asks port 8080 but registry listens on 8761",
                "registry: LOGGING_STRUCTURED_FORMAT_CONSOLE should be one of " + Set.of("ecs", "logstash", "gelf") + ", not null",
                "registry: SPRING_RABBITMQ_HOST should be rabbitmq, not null",
                "registry: MODELPORT_JWKS_URI should start with http://auth-service:9000/, not http://localhost:9000/oauth2/jwks",
                "registry: MODELPORT_AUTH_SERVICE_URI should start with http://auth-service:9000, not null",
                "docker-compose.yml has no rabbitmq service, which SPRING_RABBITMQ_HOST names",
                "docker-compose.yml publishes {8761=registry}; only " + ComposeChecks.PUBLISHED + " may be reachable from the host",
                "docker-compose.yml requires MODELPORT_SECRET_SAUCE, which .env.example does not document",
                "docker-compose.yml mounts ./no-such-dir, which is not in the repository");
    }

    /** Every rule broken at least once; checksWhenManifestBrokenThenNameEveryProblem lists which. */
    private static final String BROKEN_MANIFEST = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: model-service}
            spec:
              replicas: 1
              selector: {matchLabels: {app: model-service}}
              template:
                metadata: {labels: {app: model-service}}
                spec:
                  initContainers:
                    - name: wait
                      image: busybox:1
                  containers:
                    - name: model-service
                      image: modelport/model-service:latest
                      ports: [{name: http, containerPort: 8080}]
                      envFrom: [{configMapRef: {name: modelport-platform}}]
                      env:
                        - name: MODELPORT_DB_PASSWORD
                          valueFrom: {secretKeyRef: {name: modelport-secrets, key: DB_PASS}}
                      readinessProbe: {httpGet: {path: /actuator/health, port: http}}
                      livenessProbe: {httpGet: {path: /v2/health/live, port: 8080}}
                    - name: billing
                      image: modelport/billing:latest
                      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: model-service}
            spec:
              selector: {app: model-service}
              ports: [{port: 8081, targetPort: metrics}]
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: postgres}
            spec:
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: postgres}}
                spec:
                  containers:
                    - name: postgres
                      image: postgres:16
                      ports: [{name: postgres, containerPort: 5432}]
                      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: postgres}
            spec:
              selector: {app: db}
              ports: [{port: 5432}]
            ---
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata: {name: model-service}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: model-svc}
              minReplicas: 2
              maxReplicas: 4
              targetCPUUtilizationPercentage: 70
            """;
}
