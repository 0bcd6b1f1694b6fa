package dev.modelport.support.refresh;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Settings that a config refresh changes without a restart. Spring Cloud does not rebind an
 * immutable {@code @ConfigurationProperties} record, so the owner hands the refreshed keys to
 * {@link #refresh}: when one lies under the prefix, a new record is bound and validated; an invalid
 * change is logged and the settings in force stay. Readers call {@link #current()} per use.
 *
 * @param <T> the properties record
 */
public final class LiveProperties<T> {

    private static final Logger log = LoggerFactory.getLogger(LiveProperties.class);

    private final String prefix;
    private final Class<T> type;
    private final String what;
    private final Environment environment;
    private final ValidationBindHandler validation;
    private volatile T current;

    /**
     * @param what how the log names the settings ("rate limits")
     * @param initial the settings bound at start-up
     */
    public LiveProperties(String prefix, Class<T> type, String what, T initial, Environment environment,
                          Validator validator) {
        this.prefix = prefix;
        this.type = type;
        this.what = what;
        this.current = initial;
        this.environment = environment;
        this.validation = new ValidationBindHandler(new SpringValidatorAdapter(validator));
    }

    /** As above, validated by the default Bean Validation provider. */
    public LiveProperties(String prefix, Class<T> type, String what, T initial, Environment environment) {
        this(prefix, type, what, initial, environment, Validation.buildDefaultValidatorFactory().getValidator());
    }

    public T current() {
        return current;
    }

    /**
     * After a refresh that changed {@code keys}: the new settings when one of them lies under the
     * prefix and they are valid (they are then in force); empty when none does or they are invalid.
     */
    public Optional<T> refresh(Collection<String> keys) {
        if (keys.stream().noneMatch(key -> key.equals(prefix) || key.startsWith(prefix + "."))) {
            return Optional.empty();
        }
        T changed;
        try {
            changed = Binder.get(environment).bindOrCreate(prefix, Bindable.of(type), validation);
        } catch (RuntimeException e) {
            log.warn("kept the {} in force: {}", what, reason(e));
            return Optional.empty();
        }
        current = changed;
        log.info("{} now {}", what, changed);
        return Optional.of(changed);
    }

    /** "Failed to bind properties under ..." says where; the innermost cause says what was wrong. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + ": " + cause.getMessage();
    }
}
