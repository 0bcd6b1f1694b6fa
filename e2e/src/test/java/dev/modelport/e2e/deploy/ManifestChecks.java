package dev.modelport.e2e.deploy;

import static dev.modelport.e2e.deploy.YamlTree.at;
import static dev.modelport.e2e.deploy.YamlTree.map;
import static dev.modelport.e2e.deploy.YamlTree.maps;
import static dev.modelport.e2e.deploy.YamlTree.text;
import static dev.modelport.e2e.deploy.YamlTree.textMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rules the Kubernetes manifests keep with docker-compose.yml and the modules: the same images,
 * the ports the modules listen on, Services that reach their pods, Secret and ConfigMap
 * references that resolve, resources on every container, Eureka registration by pod IP, and the
 * workers' probes, disruption budget and autoscaler. Problems come back as sentences; none means
 * consistent.
 */
final class ManifestChecks {

    static final String WORKER = "model-service";
    static final String READY_PATH = "/v2/health/ready";
    static final String LIVE_PATH = "/v2/health/live";
    static final int CPU_TARGET_PERCENT = 70;
    private static final List<String> RESOURCES = List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory");

    private final ComposeFile compose;
    private final ModulePorts ports;

    ManifestChecks(ComposeFile compose, ModulePorts ports) {
        this.compose = compose;
        this.ports = ports;
    }

    List<String> problems(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject workload : manifest.workloads()) {
            selector(workload, problems);
            volumes(workload, manifest, problems);
            for (Map<String, Object> container : workload.allContainers()) {
                String owner = workload.id() + " container " + text(container, "name");
                image(container, owner, problems);
                resources(container, owner, problems);
                references(container, owner, manifest, problems);
            }
            for (Map<String, Object> container : workload.containers()) {
                String owner = workload.id() + " container " + text(container, "name");
                moduleOf(container).ifPresent(module -> service(container, owner, module, manifest, problems));
            }
        }
        manifest.ofKind("Service").forEach(service -> reachesPods(service, manifest, problems));
        worker(manifest, problems);
        return problems;
    }

    /** The module of a container running a ModelPort image: modelport/gateway:latest is gateway. */
    static Optional<String> moduleOf(Map<String, Object> container) {
        String image = Objects.requireNonNullElse(text(container, "image"), "");
        if (!image.startsWith(ComposeChecks.IMAGE_PREFIX)) {
            return Optional.empty();
        }
        String name = image.substring(ComposeChecks.IMAGE_PREFIX.length());
        return Optional.of(name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
    }

    private static void selector(KubernetesObject workload, List<String> problems) {
        Map<String, String> selector = textMap(at(workload.yaml(), "spec", "selector", "matchLabels"));
        if (!workload.podsMatch(selector)) {
            problems.add(workload.id() + ": selector " + selector + " does not match its pod labels " + workload.podLabels());
        }
    }

    private void image(Map<String, Object> container, String owner, List<String> problems) {
        String image = text(container, "image");
        Optional<String> module = moduleOf(container);
        if (module.isPresent()) {
            if (!compose.modules().containsValue(module.get())) {
                problems.add(owner + ": image " + image + " is built by no docker-compose.yml service (build arg MODULE="
                        + module.get() + ")");
            }
            if (!image.contains(":")) {
                problems.add(owner + ": image " + image + " needs a tag (modelport/<module>:latest; kustomize's images pins it)");
            }
        } else if (!compose.thirdPartyImages().contains(image)) {
            problems.add(owner + ": image " + image + " is not one docker-compose.yml runs " + compose.thirdPartyImages());
        }
    }

    private static void resources(Map<String, Object> container, String owner, List<String> problems) {
        for (String resource : RESOURCES) {
            String[] path = resource.split("\\.");
            if (text(container, "resources", path[0], path[1]) == null) {
                problems.add(owner + ": sets no resources." + resource);
            }
        }
    }

    private static void references(Map<String, Object> container, String owner, Manifest manifest, List<String> problems) {
        for (Map<String, Object> variable : maps(container.get("env"))) {
            String what = owner + " env " + text(variable, "name");
            Object secret = at(variable, "valueFrom", "secretKeyRef");
            if (secret != null) {
                key(manifest.secrets(), "Secret", text(secret, "name"), text(secret, "key"), what, problems);
            }
            Object configMap = at(variable, "valueFrom", "configMapKeyRef");
            if (configMap != null) {
                key(manifest.configMaps(), "ConfigMap", text(configMap, "name"), text(configMap, "key"), what, problems);
            }
        }
        for (Map<String, Object> source : maps(container.get("envFrom"))) {
            String secret = text(source, "secretRef", "name");
            if (secret != null && !manifest.secrets().containsKey(secret)) {
                problems.add(owner + ": envFrom names Secret " + secret + ", which the manifests do not define");
            }
            String configMap = text(source, "configMapRef", "name");
            if (configMap != null && !manifest.configMaps().containsKey(configMap)) {
                problems.add(owner + ": envFrom names ConfigMap " + configMap + ", which the manifests do not define");
            }
        }
    }

    private static void volumes(KubernetesObject workload, Manifest manifest, List<String> problems) {
        for (Map<String, Object> volume : maps(workload.podSpec().get("volumes"))) {
            String what = workload.id() + " volume " + text(volume, "name");
            if (volume.get("secret") != null) {
                String name = text(volume, "secret", "secretName");
                key(manifest.secrets(), "Secret", name, null, what, problems);
                maps(at(volume, "secret", "items")).forEach(item ->
                        key(manifest.secrets(), "Secret", name, text(item, "key"), what, problems));
            }
            if (volume.get("configMap") != null) {
                String name = text(volume, "configMap", "name");
                key(manifest.configMaps(), "ConfigMap", name, null, what, problems);
                maps(at(volume, "configMap", "items")).forEach(item ->
                        key(manifest.configMaps(), "ConfigMap", name, text(item, "key"), what, problems));
            }
        }
    }

    private static void key(Map<String, Map<String, String>> defined, String kind, String name, String key, String what,
            List<String> problems) {
        if (!defined.containsKey(name)) {
            problems.add(what + ": refers to " + kind + " " + name + ", which the manifests do not define");
        } else if (key != null && !defined.get(name).containsKey(key)) {
            problems.add(what + ": refers to key " + key + " of " + kind + " " + name + ", which has only "
                    + defined.get(name).keySet());
        }
    }

    /** A ModelPort service: the module's ports, and a unique Eureka registration by pod IP. */
    private void service(Map<String, Object> container, String owner, String module, Manifest manifest,
            List<String> problems) {
        Map<String, Integer> declared = containerPorts(container);
        // a module compose does not build has no known ports; image() reports it
        ports.ports().getOrDefault(module, Map.of()).forEach((name, port) -> {
            if (!port.equals(declared.get(name))) {
                problems.add(owner + ": should declare containerPort " + port + " named " + name + " (" + module
                        + " listens there), not " + declared.get(name));
            }
        });
        Map<String, String> environment = new HashMap<>();
        maps(container.get("envFrom")).stream().map(source -> text(source, "configMapRef", "name")).filter(Objects::nonNull)
                .forEach(name -> environment.putAll(manifest.configMaps().getOrDefault(name, Map.of())));
        maps(container.get("env")).forEach(variable -> environment.put(text(variable, "name"),
                variable.containsKey("valueFrom") ? "(from " + map(variable.get("valueFrom")).keySet() + ")"
                        : text(variable, "value")));
        if (!"true".equals(environment.get("EUREKA_INSTANCE_PREFERIPADDRESS"))) {
            problems.add(owner + ": EUREKA_INSTANCE_PREFERIPADDRESS must be true, or Eureka hands out pod names nobody resolves");
        }
        if (environment.get("MODELPORT_HOSTNAME") == null) {
            problems.add(owner + ": MODELPORT_HOSTNAME is unset, so every replica registers as " + module + "@localhost");
        }
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> declared = new HashMap<>();
        for (Map<String, Object> port : maps(container.get("ports"))) {
            String number = text(port, "containerPort");
            declared.put(Objects.requireNonNullElse(text(port, "name"), "port-" + number),
                    number == null ? null : Integer.valueOf(number));
        }
        return declared;
    }

    /** The container port a Service's or probe's port (a number or a port name) reaches, or null. */
    private static Integer resolvePort(KubernetesObject workload, String port) {
        for (Map<String, Object> container : workload.containers()) {
            for (Map.Entry<String, Integer> declared : containerPorts(container).entrySet()) {
                if (declared.getKey().equals(port) || String.valueOf(declared.getValue()).equals(port)) {
                    return declared.getValue();
                }
            }
        }
        return null;
    }

    private static void reachesPods(KubernetesObject service, Manifest manifest, List<String> problems) {
        Map<String, String> selector = textMap(at(service.yaml(), "spec", "selector"));
        List<KubernetesObject> selected = manifest.workloads().stream().filter(workload -> workload.podsMatch(selector)).toList();
        if (selected.size() != 1) {
            problems.add(service.id() + ": selector " + selector + " matches " + selected.stream().map(KubernetesObject::id)
                    .toList() + "; it should match exactly one workload");
            return;
        }
        KubernetesObject workload = selected.getFirst();
        boolean modelPort = workload.containers().stream().anyMatch(container -> moduleOf(container).isPresent());
        for (Map<String, Object> port : maps(at(service.yaml(), "spec", "ports"))) {
            String number = text(port, "port");
            String target = Objects.requireNonNullElse(text(port, "targetPort"), number);
            Integer reached = resolvePort(workload, target);
            if (reached == null) {
                problems.add(service.id() + ": port " + number + " targets " + target + ", which no container of "
                        + workload.id() + " declares");
            } else if (modelPort && !String.valueOf(reached).equals(number)) {
                problems.add(service.id() + ": port " + number + " reaches container port " + reached
                        + "; keep them equal so every URL is the one docker-compose.yml uses");
            }
        }
    }

    private void worker(Manifest manifest, List<String> problems) {
        Optional<KubernetesObject> deployment = manifest.find("Deployment", WORKER);
        if (deployment.isEmpty()) {
            problems.add("no Deployment/" + WORKER);
            return;
        }
        KubernetesObject workers = deployment.get();
        String replicas = text(workers.yaml(), "spec", "replicas");
        if (replicas == null || Integer.parseInt(replicas) < 2) {
            problems.add(workers.id() + ": replicas is " + replicas + "; at least 2, so one serves while another moves");
        }
        workers.containers().stream().filter(container -> moduleOf(container).filter(WORKER::equals).isPresent())
                .forEach(container -> {
                    probe(workers, container, "readinessProbe", READY_PATH, problems);
                    probe(workers, container, "livenessProbe", LIVE_PATH, problems);
                });
        disruptionBudget(manifest, workers, problems);
        autoscaler(manifest, problems);
    }

    private void probe(KubernetesObject workers, Map<String, Object> container, String probe, String path,
            List<String> problems) {
        String actualPath = text(container, probe, "httpGet", "path");
        Integer port = resolvePort(workers, text(container, probe, "httpGet", "port"));
        int expectedPort = ports.of(WORKER).get(ModulePorts.HTTP);
        if (!path.equals(actualPath) || port == null || port != expectedPort) {
            problems.add(workers.id() + ": " + probe + " should GET " + path + " on port " + expectedPort + ", not "
                    + actualPath + " on " + port);
        }
    }

    private static void disruptionBudget(Manifest manifest, KubernetesObject workers, List<String> problems) {
        List<KubernetesObject> budgets = manifest.ofKind("PodDisruptionBudget");
        for (KubernetesObject budget : budgets) {
            Map<String, String> selector = textMap(at(budget.yaml(), "spec", "selector", "matchLabels"));
            if (manifest.workloads().stream().noneMatch(workload -> workload.podsMatch(selector))) {
                problems.add(budget.id() + ": selector " + selector + " matches no workload");
            }
        }
        List<KubernetesObject> guarding = budgets.stream()
                .filter(budget -> workers.podsMatch(textMap(at(budget.yaml(), "spec", "selector", "matchLabels")))).toList();
        if (guarding.isEmpty()) {
            problems.add("no PodDisruptionBudget selects the pods of " + workers.id());
        }
        guarding.stream().filter(budget -> !"1".equals(text(budget.yaml(), "spec", "minAvailable"))).forEach(budget ->
                problems.add(budget.id() + ": minAvailable should be 1, not " + text(budget.yaml(), "spec", "minAvailable")));
    }

    private static void autoscaler(Manifest manifest, List<String> problems) {
        List<KubernetesObject> autoscalers = manifest.ofKind("HorizontalPodAutoscaler");
        for (KubernetesObject autoscaler : autoscalers) {
            String kind = text(autoscaler.yaml(), "spec", "scaleTargetRef", "kind");
            String name = text(autoscaler.yaml(), "spec", "scaleTargetRef", "name");
            if (!"autoscaling/v2".equals(autoscaler.apiVersion())) {
                problems.add(autoscaler.id() + ": apiVersion should be autoscaling/v2, not " + autoscaler.apiVersion());
            }
            if (kind == null || name == null || manifest.find(kind, name).isEmpty()) {
                problems.add(autoscaler.id() + ": scales " + kind + "/" + name + ", which the manifests do not define");
            }
        }
        List<KubernetesObject> scalingWorkers = autoscalers.stream()
                .filter(autoscaler -> "Deployment".equals(text(autoscaler.yaml(), "spec", "scaleTargetRef", "kind"))
                        && WORKER.equals(text(autoscaler.yaml(), "spec", "scaleTargetRef", "name"))).toList();
        if (scalingWorkers.isEmpty()) {
            problems.add("no HorizontalPodAutoscaler scales Deployment/" + WORKER);
        }
        for (KubernetesObject autoscaler : scalingWorkers) {
            boolean onCpu = maps(autoscaler.spec().get("metrics")).stream().anyMatch(metric ->
                    "Resource".equals(text(metric, "type")) && "cpu".equals(text(metric, "resource", "name"))
                            && "Utilization".equals(text(metric, "resource", "target", "type"))
                            && String.valueOf(CPU_TARGET_PERCENT).equals(text(metric, "resource", "target", "averageUtilization")));
            if (!onCpu) {
                problems.add(autoscaler.id() + ": should target " + CPU_TARGET_PERCENT + " % average CPU utilization");
            }
        }
    }
}
