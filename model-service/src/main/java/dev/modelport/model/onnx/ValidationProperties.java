package dev.modelport.model.onnx;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits for the trial load of an uploaded model in a child process.
 *
 * @param timeout   how long ONNX Runtime may take to load the model, JVM start included
 * @param maxMemory the child's virtual memory cap ({@code ulimit -v}); the JVM alone reserves about 700 MB of it
 */
@Validated
@ConfigurationProperties("modelport.validation")
public record ValidationProperties(@DefaultValue("60s") Duration timeout, @DefaultValue("4GB") DataSize maxMemory) {

    /** Below this the child JVM cannot even start under the memory cap. */
    static final DataSize MIN_MEMORY = DataSize.ofGigabytes(1);

    public ValidationProperties {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("modelport.validation.timeout must be positive, was " + timeout);
        }
        if (maxMemory == null || maxMemory.compareTo(MIN_MEMORY) < 0) {
            throw new IllegalArgumentException(
                    "modelport.validation.max-memory must be at least 1GB, was " + maxMemory);
        }
    }
}
