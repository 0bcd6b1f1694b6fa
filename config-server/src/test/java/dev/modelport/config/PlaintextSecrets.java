package dev.modelport.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds plaintext secrets in a config file: properties whose name ends in a secret word
 * (password, secret, token, key, credential…; {@code access-token-ttl} does not) and whose value
 * is a literal, i.e. neither {@code {cipher}…} nor a placeholder without a default. Logger
 * levels are skipped: their names are package names.
 */
final class PlaintextSecrets {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|key|credentials?)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:?}");

    private PlaintextSecrets() {
    }

    static boolean scans(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties"));
    }

    /** The names of the properties in {@code content} that hold a plaintext secret. */
    static List<String> in(String fileName, String content) {
        List<String> found = new ArrayList<>();
        if (fileName.endsWith(".properties")) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(content));
            } catch (IOException e) {
                throw new IllegalArgumentException(fileName + " is not a properties file", e);
            }
            properties.stringPropertyNames().stream().sorted().forEach(name -> check(name, properties.getProperty(name), found));
            return found;
        }
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
            walk("", document, found);
        }
        return found;
    }

    private static void walk(String name, Object value, List<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> walk(name.isEmpty() ? String.valueOf(key) : name + "." + key, child, found));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(name + "[" + i + "]", list.get(i), found);
            }
        } else if (value != null) {
            check(name, String.valueOf(value), found);
        }
    }

    private static void check(String name, String value, List<String> found) {
        if (name.startsWith("logging.level.")) {
            // logger names (…oauth2.server.authorization.token) with levels, never secrets
            return;
        }
        String last = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        String trimmed = value.trim();
        boolean secretName = SECRET_NAME.matcher(last.toLowerCase(Locale.ROOT)).matches();
        boolean safe = trimmed.isEmpty() || trimmed.startsWith("{cipher}") || PLACEHOLDER.matcher(trimmed).matches();
        if (secretName && !safe) {
            found.add(name);
        }
    }
}
