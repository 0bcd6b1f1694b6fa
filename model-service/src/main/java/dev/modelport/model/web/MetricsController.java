package dev.modelport.model.web;

import dev.modelport.model.catalog.InvalidRequestException;
import dev.modelport.model.catalog.ModelCatalog;
import dev.modelport.model.metrics.MetricsSummary;
import dev.modelport.model.metrics.SeriesWindow;
import dev.modelport.model.workers.ClusterMetrics;
import dev.modelport.support.security.Reach;
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
 * ({@code ?scope=worker}: only the answering worker's, with its raw buckets), with a series
 * over the last {@code window} ({@code 15m} by default, or {@code 1h}).
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
                   @RequestParam(defaultValue = "15m") String window,
                   @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        Reach.of(jwt).requireModel(name);
        SeriesWindow span = SeriesWindow.of(window).orElseThrow(() -> new InvalidRequestException(
                "parameter 'window' must be " + SeriesWindow.accepted() + ", not '" + window + "'"));
        catalog.get(name);
        return "worker".equals(scope) ? metrics.of(name, span) : cluster.of(name, span, authorization);
    }
}
