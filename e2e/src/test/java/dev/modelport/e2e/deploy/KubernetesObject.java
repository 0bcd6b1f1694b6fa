package dev.modelport.e2e.deploy;

import static dev.modelport.e2e.deploy.YamlTree.at;
import static dev.modelport.e2e.deploy.YamlTree.map;
import static dev.modelport.e2e.deploy.YamlTree.maps;
import static dev.modelport.e2e.deploy.YamlTree.text;
import static dev.modelport.e2e.deploy.YamlTree.textMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One object of a Kubernetes manifest: its kind, name and, for workloads, the pod it runs. */
record KubernetesObject(String source, Map<String, Object> yaml) {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    static List<KubernetesObject> parse(String yaml, String source) {
        return YamlTree.loadAll(yaml).stream().map(document -> new KubernetesObject(source, map(document))).toList();
    }

    String apiVersion() {
        return text(yaml, "apiVersion");
    }

    String kind() {
        return text(yaml, "kind");
    }

    String name() {
        return text(yaml, "metadata", "name");
    }

    /** "Deployment/model-service", the way problems name objects. */
    String id() {
        return kind() + "/" + name();
    }

    boolean is(String kind, String name) {
        return kind.equals(kind()) && name.equals(name());
    }

    boolean isWorkload() {
        return WORKLOADS.contains(kind());
    }

    Map<String, Object> spec() {
        return map(yaml.get("spec"));
    }

    Map<String, Object> podSpec() {
        return isWorkload() ? map(at(yaml, "spec", "template", "spec")) : Map.of();
    }

    Map<String, String> podLabels() {
        return textMap(at(yaml, "spec", "template", "metadata", "labels"));
    }

    /** The pod's containers, without its init containers. */
    List<Map<String, Object>> containers() {
        return maps(podSpec().get("containers"));
    }

    List<Map<String, Object>> initContainers() {
        return maps(podSpec().get("initContainers"));
    }

    /** Init containers and containers: every one of them needs an image, resources and references that resolve. */
    List<Map<String, Object>> allContainers() {
        List<Map<String, Object>> containers = new ArrayList<>(initContainers());
        containers.addAll(containers());
        return containers;
    }

    /** Whether a label selector ({@code key: value} pairs) picks this workload's pods. */
    boolean podsMatch(Map<String, String> selector) {
        return isWorkload() && !selector.isEmpty() && podLabels().entrySet().containsAll(selector.entrySet());
    }
}
