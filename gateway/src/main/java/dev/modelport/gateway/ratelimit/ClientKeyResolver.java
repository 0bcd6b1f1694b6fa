package dev.modelport.gateway.ratelimit;

import dev.modelport.gateway.security.AuthenticatedClient;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Keys quotas by the token's {@code client_id} (with its tier); no key for the public probes. */
class ClientKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return Mono.justOrEmpty(AuthenticatedClient.of(exchange))
                .map(client -> new ClientKey(client.tier(), client.clientId()).value());
    }
}
