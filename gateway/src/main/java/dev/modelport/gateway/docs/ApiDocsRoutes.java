package dev.modelport.gateway.docs;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.HttpMethod;

/**
 * The API docs of every service behind one Swagger UI at {@code /docs}: the gateway routes
 * {@code /docs/<service>/v3/api-docs} to that service's own {@code /v3/api-docs}, and
 * {@code api-docs.properties} lists them for the UI. Only those two documents are routed, never
 * anything else of a service.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:api-docs.properties")
class ApiDocsRoutes {

    static final String MODEL_SERVICE = "/docs/model-service/v3/api-docs";
    static final String AUTH_SERVICE = "/docs/auth-service/v3/api-docs";

    @Bean
    RouteLocator apiDocsRouteLocator(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("docs-model-service", route -> route.method(HttpMethod.GET).and().path(MODEL_SERVICE)
                        .filters(filters -> filters.setPath("/v3/api-docs"))
                        .uri("lb://model-service"))
                .route("docs-auth-service", route -> route.method(HttpMethod.GET).and().path(AUTH_SERVICE)
                        .filters(filters -> filters.setPath("/v3/api-docs"))
                        .uri("lb://auth-service"))
                .build();
    }
}
