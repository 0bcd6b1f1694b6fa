package dev.modelport.e2e.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules docker-compose.yml keeps: one image name per module, the ports the modules listen on,
 * only the public entries published, structured logs and the bus on every service, and every
 * secret documented in .env.example. Problems come back as sentences; none means consistent.
 */
final class ComposeChecks {

    static final String IMAGE_PREFIX = "modelport/";
    static final String IMAGE_TAG = ":${MODELPORT_VERSION:-latest}";
    /** What the host sees: the API, tokens, the console and the dashboards. Everything else stays internal. */
    static final Map<Integer, String> PUBLISHED = Map.of(8080, "gateway", 9000, "auth-service", 8090, "admin-ui",
            3000, "grafana");
    private static final Set<String> STRUCTURED_FORMATS = Set.of("ecs", "logstash", "gelf");

    private final ComposeFile compose;
    /** What services call each other by: inside compose, by service name. */
    static final Map<String, String> SERVICE_ADDRESSES = Map.of(
            "MODELPORT_JWKS_URI", "http://auth-service:9000/",
            "MODELPORT_AUTH_SERVICE_URI", "http://auth-service:9000",
            "MODELPORT_GATEWAY_URI", "http://gateway:8080");

    private final ModulePorts ports;

    ComposeChecks(ComposeFile compose, ModulePorts ports) {
        this.compose = compose;
        this.ports = ports;
    }

    /** Checks against .env.example's text and the checkout the bind mounts point into. */
    List<String> problems(String envExample, Path root) {
        List<String> problems = new ArrayList<>();
        compose.modules().forEach((service, module) -> builtService(service, module, problems));
        if (!compose.services().contains("rabbitmq")) {
            problems.add("docker-compose.yml has no rabbitmq service, which SPRING_RABBITMQ_HOST names");
        }
        if (!compose.publishedPorts().equals(PUBLISHED)) {
            problems.add("docker-compose.yml publishes " + compose.publishedPorts() + "; only " + PUBLISHED
                    + " may be reachable from the host");
        }
        Set<String> documented = Kustomization.envFile(envExample).keySet();
        compose.requiredVariables().stream().filter(name -> !documented.contains(name)).forEach(name ->
                problems.add("docker-compose.yml requires " + name + ", which .env.example does not document"));
        compose.bindMountSources().stream().filter(source -> !Files.exists(root.resolve(source).normalize())).forEach(source ->
                problems.add("docker-compose.yml mounts " + source + ", which is not in the repository"));
        return problems;
    }

    private void builtService(String service, String module, List<String> problems) {
        String expectedImage = IMAGE_PREFIX + module + IMAGE_TAG;
        if (!expectedImage.equals(compose.image(service))) {
            problems.add(service + ": image " + compose.image(service) + " should be " + expectedImage
                    + " (the name k8s/ deploys)");
        }
        Integer healthPort = compose.healthcheckPort(service);
        int modulePort = ports.of(module).get(ModulePorts.HTTP);
        if (healthPort == null || healthPort != modulePort) {
            problems.add(service + ": healthcheck asks port " + healthPort + " but " + module + " listens on " + modulePort);
        }
        Map<String, String> environment = compose.environment(service);
        String logFormat = environment.get("LOGGING_STRUCTURED_FORMAT_CONSOLE");
        if (logFormat == null || !STRUCTURED_FORMATS.contains(logFormat)) {
            problems.add(service + ": LOGGING_STRUCTURED_FORMAT_CONSOLE should be one of " + STRUCTURED_FORMATS
                    + ", not " + logFormat);
        }
        // inside its container localhost is the service itself: what a service calls, it calls by name
        SERVICE_ADDRESSES.forEach((variable, prefix) -> {
            String value = environment.get(variable);
            if (value == null || !value.startsWith(prefix)) {
                problems.add(service + ": " + variable + " should start with " + prefix + ", not " + value);
            }
        });
        if (!"rabbitmq".equals(environment.get("SPRING_RABBITMQ_HOST"))) {
            problems.add(service + ": SPRING_RABBITMQ_HOST should be rabbitmq, not " + environment.get("SPRING_RABBITMQ_HOST"));
        }
    }
}
