package dev.modelport.admin.models;

import dev.modelport.admin.models.ModelRecords.Model;
import dev.modelport.admin.workers.WorkersClient.Worker;
import dev.modelport.admin.workers.WorkersClient.LoadedVersion;
import java.util.List;

/**
 * Whether each model's production version is loaded and ready, by the workers' own account
 * ({@code GET /api/workers}): one call for the whole list rather than one readiness call per model.
 */
final class ProductionHealth {

    static final String NO_PRODUCTION = "no production version";
    static final String READY = "ready";
    static final String NOT_READY = "not ready";
    static final String NOT_WARMED_UP = LoadedVersion.NOT_WARMED_UP;
    static final String UNKNOWN_TEXT = "unknown";

    /** The workers could not be listed: every model's health is unknown. */
    static final ProductionHealth UNKNOWN = new ProductionHealth(null);

    private final List<Worker> upWorkers;

    private ProductionHealth(List<Worker> upWorkers) {
        this.upWorkers = upWorkers;
    }

    static ProductionHealth of(List<Worker> workers) {
        return new ProductionHealth(workers == null ? List.of() : workers.stream().filter(Worker::up).toList());
    }

    /**
     * "ready" when every worker in service has the production version loaded, "ready on k of n workers" when some
     * have; "serving, not warmed up" (on k of n) instead when any of those workers could not warm it up.
     */
    String of(Model model) {
        Integer production = model.rolloutOrNone().production();
        if (production == null) {
            return NO_PRODUCTION;
        }
        if (upWorkers == null) {
            return UNKNOWN_TEXT;
        }
        long serving = upWorkers.stream().filter(worker -> worker.serves(model.name(), production)).count();
        if (serving == 0) {
            return NOT_READY;
        }
        long cold = upWorkers.stream().filter(worker -> worker.servesCold(model.name(), production)).count();
        String state = cold == 0 ? READY : NOT_WARMED_UP;
        long counted = cold == 0 ? serving : cold;
        return counted == upWorkers.size() ? state : state + " on " + counted + " of " + upWorkers.size() + " workers";
    }
}
