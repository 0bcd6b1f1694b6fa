package dev.modelport.model.serving;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import dev.modelport.model.inference.DeployedModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Decides whether this worker should receive inference traffic: the application accepts
 * traffic (it is not starting up or shutting down), the registry database answers, and the
 * first sync has loaded every deployed version.
 */
@Component
public class ServingReadiness {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final ApplicationAvailability availability;
    private final DataSource dataSource;
    private final BooleanSupplier modelsLoaded;

    @Autowired
    ServingReadiness(ApplicationAvailability availability, DataSource dataSource, DeployedModels deployed) {
        this(availability, dataSource, deployed::synced);
    }

    ServingReadiness(ApplicationAvailability availability, DataSource dataSource, BooleanSupplier modelsLoaded) {
        this.availability = availability;
        this.dataSource = dataSource;
        this.modelsLoaded = modelsLoaded;
    }

    /** Empty when ready; otherwise the reason this worker is not. */
    public Optional<String> notReadyReason() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return Optional.of("server is not accepting traffic (" + availability.getReadinessState() + ")");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(DATABASE_TIMEOUT_SECONDS)) {
                return Optional.of("model registry database does not answer");
            }
        } catch (SQLException e) {
            return Optional.of("model registry database is unreachable");
        }
        if (!modelsLoaded.getAsBoolean()) {
            return Optional.of("deployed models are still loading");
        }
        return Optional.empty();
    }
}
