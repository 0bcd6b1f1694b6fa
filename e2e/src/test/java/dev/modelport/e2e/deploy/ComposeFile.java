package dev.modelport.e2e.deploy;

import static dev.modelport.e2e.deploy.YamlTree.at;
import static dev.modelport.e2e.deploy.YamlTree.list;
import static dev.modelport.e2e.deploy.YamlTree.map;
import static dev.modelport.e2e.deploy.YamlTree.text;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as compose sees it before interpolation: services with their images, the
 * ModelPort module each built service runs (its {@code MODULE} build argument), environment,
 * published ports and healthchecks.
 */
record ComposeFile(String source, Map<String, Object> yaml) {

    /** {@code ${NAME:?message}} and {@code ${NAME?message}}: compose refuses to start without NAME. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?");
    private static final Pattern LOCAL_URL_PORT = Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1):(\\d+)");

    static ComposeFile parse(String text) {
        List<Object> documents = YamlTree.loadAll(text);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("docker-compose.yml must hold one document, not " + documents.size());
        }
        return new ComposeFile(text, map(documents.getFirst()));
    }

    Set<String> services() {
        return map(yaml.get("services")).keySet();
    }

    Map<String, Object> service(String name) {
        return map(at(yaml, "services", name));
    }

    String image(String service) {
        return text(service(service), "image");
    }

    /** The module a service is built from, or null for a service that runs a third-party image. */
    String module(String service) {
        return text(service(service), "build", "args", "MODULE");
    }

    /** Built services and their modules, e.g. model-service-1 and model-service-2 both to model-service. */
    Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        services().forEach(service -> {
            if (module(service) != null) {
                modules.put(service, module(service));
            }
        });
        return modules;
    }

    /** Images compose runs but does not build (the demo job is built from the Dockerfile's demo target). */
    Set<String> thirdPartyImages() {
        Set<String> images = new TreeSet<>();
        services().stream().filter(service -> service(service).get("build") == null).map(this::image).forEach(images::add);
        return images;
    }

    /** The environment in either of compose's forms: a map, or a list of NAME=value. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        if (environment instanceof List<?> entries) {
            Map<String, String> result = new LinkedHashMap<>();
            entries.forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
            return result;
        }
        return YamlTree.textMap(environment);
    }

    /** Host port to service, from the short ("8080:8080", "127.0.0.1:8080:8080") and long forms. */
    Map<Integer, String> publishedPorts() {
        Map<Integer, String> published = new LinkedHashMap<>();
        for (String service : services()) {
            for (Object port : list(service(service).get("ports"))) {
                String host = port instanceof Map<?, ?> ? text(port, "published") : hostPart(String.valueOf(port));
                if (host != null) {
                    published.put(Integer.valueOf(host), service);
                }
            }
        }
        return published;
    }

    private static String hostPart(String shortSyntax) {
        String[] parts = shortSyntax.split("/")[0].split(":");
        return parts.length < 2 ? null : parts[parts.length - 2];
    }

    /** The port a healthcheck's URL on localhost names, or null when it names none. */
    Integer healthcheckPort(String service) {
        Matcher url = LOCAL_URL_PORT.matcher(String.join(" ", list(at(service(service), "healthcheck", "test"))
                .stream().map(String::valueOf).toList()));
        return url.find() ? Integer.valueOf(url.group(1)) : null;
    }

    /** Host paths of bind mounts ("./monitoring/prometheus.yml" of "./monitoring/prometheus.yml:/etc/...:ro"). */
    Set<String> bindMountSources() {
        Set<String> sources = new LinkedHashSet<>();
        for (String service : services()) {
            for (Object volume : list(service(service).get("volumes"))) {
                String source = volume instanceof Map<?, ?> ? text(volume, "source") : String.valueOf(volume).split(":")[0];
                if (source != null && (source.startsWith("./") || source.equals("."))) {
                    sources.add(source);
                }
            }
        }
        return sources;
    }

    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>();
        REQUIRED_VARIABLE.matcher(source).results().forEach(match -> names.add(match.group(1)));
        return names;
    }
}
