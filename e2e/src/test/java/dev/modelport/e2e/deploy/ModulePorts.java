package dev.modelport.e2e.deploy;

import static dev.modelport.e2e.deploy.YamlTree.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports each module listens on by default, read from its own
 * {@code src/main/resources/application.yml}: {@code server.port} as "http" and, where set,
 * {@code spring.grpc.server.port} as "grpc". The modules are the source of truth that compose,
 * Kubernetes and ARCHITECTURE.md's port table repeat.
 */
record ModulePorts(Map<String, Map<String, Integer>> ports) {

    static final String HTTP = "http";
    static final String GRPC = "grpc";
    private static final int SPRING_DEFAULT_PORT = 8080;

    static ModulePorts read(Path root, Collection<String> modules) {
        Map<String, Map<String, Integer>> ports = new LinkedHashMap<>();
        for (String module : modules) {
            Path file = root.resolve(module).resolve("src/main/resources/application.yml");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("module " + module + " has no " + root.relativize(file));
            }
            Object config = YamlTree.loadAll(Repository.read(file)).getFirst();
            Map<String, Integer> modulePorts = new LinkedHashMap<>();
            String http = text(config, "server", "port");
            modulePorts.put(HTTP, http == null ? SPRING_DEFAULT_PORT : defaultOf(http));
            String grpc = text(config, "spring", "grpc", "server", "port");
            if (grpc != null) {
                modulePorts.put(GRPC, defaultOf(grpc));
            }
            ports.put(module, modulePorts);
        }
        return new ModulePorts(ports);
    }

    /** "8081", "${REGISTRY_PORT:8761}" and "${A:${B:9091}}" to the number used when nothing is set. */
    static int defaultOf(String value) {
        String current = value.strip();
        while (current.startsWith("${") && current.endsWith("}")) {
            int colon = current.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no default port in " + value);
            }
            current = current.substring(colon + 1, current.length() - 1).strip();
        }
        return Integer.parseInt(current);
    }

    Map<String, Integer> of(String module) {
        Map<String, Integer> modulePorts = ports.get(module);
        if (modulePorts == null) {
            throw new IllegalArgumentException("unknown module " + module);
        }
        return modulePorts;
    }
}
