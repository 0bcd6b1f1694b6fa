package dev.modelport.e2e.deploy;

import static dev.modelport.e2e.deploy.YamlTree.list;
import static dev.modelport.e2e.deploy.YamlTree.map;
import static dev.modelport.e2e.deploy.YamlTree.maps;
import static dev.modelport.e2e.deploy.YamlTree.text;
import static dev.modelport.e2e.deploy.YamlTree.textMap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kustomization.yaml read the way kustomize reads the parts these manifests use: resources
 * (files, or folders with their own kustomization), Secret and ConfigMap generators (envs,
 * literals, files) and patches.
 */
record Kustomization(Path directory, Map<String, Object> yaml) {

    static Kustomization read(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        List<Object> documents = YamlTree.loadAll(Repository.read(file));
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " must hold one document, not " + documents.size());
        }
        return new Kustomization(directory, map(documents.getFirst()));
    }

    List<Path> resources() {
        return list(yaml.get("resources")).stream().map(String::valueOf).map(directory::resolve).map(Path::normalize).toList();
    }

    List<Path> patches() {
        List<Path> patches = new ArrayList<>();
        maps(yaml.get("patches")).stream().map(patch -> text(patch, "path")).filter(path -> path != null)
                .forEach(path -> patches.add(directory.resolve(path)));
        list(yaml.get("patchesStrategicMerge")).forEach(path -> patches.add(directory.resolve(String.valueOf(path))));
        return patches;
    }

    /** Everything this kustomization applies, its bases' included. */
    Manifest manifest() {
        List<KubernetesObject> objects = new ArrayList<>();
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        for (Path resource : resources()) {
            if (Files.isDirectory(resource)) {
                Manifest base = read(resource).manifest();
                objects.addAll(base.objects());
                secrets.putAll(base.secrets());
                configMaps.putAll(base.configMaps());
            } else {
                objects.addAll(KubernetesObject.parse(Repository.read(resource), directory.relativize(resource).toString()));
            }
        }
        for (KubernetesObject object : objects) {
            if ("Secret".equals(object.kind())) {
                Map<String, String> data = textMap(object.yaml().get("data"));
                data.putAll(textMap(object.yaml().get("stringData")));
                secrets.put(object.name(), data);
            } else if ("ConfigMap".equals(object.kind())) {
                configMaps.put(object.name(), textMap(object.yaml().get("data")));
            }
        }
        maps(yaml.get("secretGenerator")).forEach(generator -> secrets.put(text(generator, "name"), generated(generator)));
        maps(yaml.get("configMapGenerator")).forEach(generator -> configMaps.put(text(generator, "name"), generated(generator)));
        return new Manifest(objects, secrets, configMaps);
    }

    private Map<String, String> generated(Map<String, Object> generator) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Object envs : list(generator.get("envs"))) {
            data.putAll(envFile(Repository.read(directory.resolve(String.valueOf(envs)))));
        }
        for (Object literal : list(generator.get("literals"))) {
            String[] pair = String.valueOf(literal).split("=", 2);
            data.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        for (Object file : list(generator.get("files"))) {
            // "key=path" or "path", whose file name is the key
            String[] pair = String.valueOf(file).split("=", 2);
            Path path = directory.resolve(pair[pair.length - 1]);
            data.put(pair.length > 1 ? pair[0] : path.getFileName().toString(), Repository.read(path));
        }
        return data;
    }

    /** KEY=value lines, as kustomize's envs files and docker's env files are written. */
    static Map<String, String> envFile(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            String[] pair = line.split("=", 2);
            entries.put(pair[0].strip(), pair.length > 1 ? pair[1] : "");
        });
        return entries;
    }
}
