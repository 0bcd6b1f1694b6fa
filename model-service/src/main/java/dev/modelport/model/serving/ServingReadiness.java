package dev.modelport.model.serving;

import dev.modelport.model.inference.DeployedModels;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Decides whether this worker should receive inference traffic: the application accepts traffic
 * (it is not starting up or shutting down) and the first sync has loaded every deployed version.
 * It never asks the database: once synced, a worker serves what it holds while the catalog is
 * unreachable (the {@code catalog} health contributor says so), so a database restart does not
 * take every worker out of its load balancer.
 */
@Component
public class ServingReadiness {

    private final ApplicationAvailability availability;
    private final BooleanSupplier modelsLoaded;

    @Autowired
    ServingReadiness(ApplicationAvailability availability, DeployedModels deployed) {
        this(availability, deployed::synced);
    }

    ServingReadiness(ApplicationAvailability availability, BooleanSupplier modelsLoaded) {
        this.availability = availability;
        this.modelsLoaded = modelsLoaded;
    }

    /** Empty when ready; otherwise the reason this worker is not. */
    public Optional<String> notReadyReason() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return Optional.of("server is not accepting traffic (" + availability.getReadinessState() + ")");
        }
        if (!modelsLoaded.getAsBoolean()) {
            return Optional.of("deployed models are still loading");
        }
        return Optional.empty();
    }
}
