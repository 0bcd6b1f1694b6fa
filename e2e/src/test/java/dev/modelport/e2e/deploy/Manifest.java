package dev.modelport.e2e.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a kustomization applies: its objects, and the data of the Secrets and ConfigMaps it
 * generates or contains (by name, before kustomize adds its hash suffix and rewrites references).
 */
record Manifest(List<KubernetesObject> objects, Map<String, Map<String, String>> secrets,
        Map<String, Map<String, String>> configMaps) {

    Optional<KubernetesObject> find(String kind, String name) {
        return objects.stream().filter(object -> object.is(kind, name)).findFirst();
    }

    List<KubernetesObject> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.kind())).toList();
    }

    List<KubernetesObject> workloads() {
        return objects.stream().filter(KubernetesObject::isWorkload).toList();
    }
}
