package dev.modelport.model.grpc;

import dev.modelport.model.grpc.v2.GRPCInferenceServiceGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.config.Customizer;

/**
 * The REST API's token rules for the gRPC API: the {@code authorization: Bearer <jwt>} metadata is validated by the
 * application's {@code JwtDecoder} (same issuer, audience and JWKS as REST) and its scopes become {@code SCOPE_*}
 * authorities. ServerLive, ServerReady and the standard health and reflection services are public; ModelInfer needs
 * {@code models.infer}; the other V2 calls {@code models.read} or {@code models.infer}; anything else is denied. A
 * missing or invalid token is UNAUTHENTICATED, a token without the scope PERMISSION_DENIED. The {@code models}
 * allowlist is checked per call, by the endpoint.
 *
 * <p>Declaring this interceptor replaces the one Spring Boot would otherwise install, which demands a token on every
 * call, the probes included.
 */
@Configuration(proxyBeanMethods = false)
class GrpcAuthentication {

    // the authorities ResourceServerSecurity gives the same scopes
    private static final String INFER = "SCOPE_models.infer";
    private static final String READ = "SCOPE_models.read";
    private static final String SERVICE = GRPCInferenceServiceGrpc.SERVICE_NAME;

    @Bean
    @GlobalServerInterceptor
    AuthenticationProcessInterceptor grpcBearerAuthentication(GrpcSecurity grpc) throws Exception {
        return grpc
                .authorizeRequests(requests -> requests
                        .methods(SERVICE + "/ServerLive", SERVICE + "/ServerReady").permitAll()
                        .methods(SERVICE + "/ModelInfer").hasAuthority(INFER)
                        .methods(SERVICE + "/*").hasAnyAuthority(READ, INFER)
                        .methods("grpc.health.v1.Health/*", "grpc.reflection.v1.ServerReflection/*",
                                "grpc.reflection.v1alpha.ServerReflection/*").permitAll()
                        .allRequests().denyAll())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    @GlobalServerInterceptor
    GrpcCallers grpcCallers() {
        return new GrpcCallers();
    }
}
