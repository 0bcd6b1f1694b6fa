package dev.modelport.model.web;

import dev.modelport.model.inference.MetricsSummary;
import dev.modelport.model.registry.ModelCatalog;
import dev.modelport.model.security.Caller;
import dev.modelport.model.workers.ClusterMetrics;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/models/{name}/metrics}: a model's numbers per version over all workers
 * ({@code ?scope=worker}: only the answering worker's).
 */
@RestController
class MetricsController {

    private final MetricsSummary metrics;
    private final ClusterMetrics cluster;
    private final ModelCatalog catalog;

    MetricsController(MetricsSummary metrics, ClusterMetrics cluster, ModelCatalog catalog) {
        this.metrics = metrics;
        this.cluster = cluster;
        this.catalog = catalog;
    }

    @GetMapping("/api/models/{name}/metrics")
    Object metrics(@AuthenticationPrincipal Jwt jwt, @PathVariable String name,
                   @RequestParam(defaultValue = "cluster") String scope,
                   @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller.of(jwt).requireAccess(name);
        catalog.get(name);
        return "worker".equals(scope) ? metrics.of(name) : cluster.of(name, authorization);
    }
}
