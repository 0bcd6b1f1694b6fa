package dev.modelport.client;

/**
 * A secret value with the name it is known by and where it was read, so a refusal can say
 * which credential to check; {@link #toString()} never shows the value.
 *
 * @param name   e.g. {@code MODELPORT_INFRA_PASSWORD}
 * @param source e.g. {@code the environment} or the credentials file's path
 */
public record Secret(String name, String value, String source) {

    @Override
    public String toString() {
        return name + " (from " + source + ")";
    }
}
