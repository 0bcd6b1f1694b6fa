package dev.modelport.model.catalog;

import java.util.regex.Pattern;

/** The one rule for model names: lowercase letters, digits and {@code -_.}, starting alphanumeric, at most 64. */
public final class ModelNames {

    public static final String PATTERN = "[a-z0-9][a-z0-9\\-_.]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private ModelNames() {
    }

    public static void requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new InvalidRequestException("invalid model name '" + name + "': use 1-64 characters from a-z, 0-9, "
                    + "'-', '_' and '.', starting with a letter or digit");
        }
    }
}
