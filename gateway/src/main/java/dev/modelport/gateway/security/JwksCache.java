package dev.modelport.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * auth-service's signing keys, cached. A token whose {@code kid} is not in the cache (a key
 * rotation) refetches the set, but at most once per refresh interval; concurrent misses share
 * one fetch. A set older than its max age is refetched on the next use.
 */
class JwksCache implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    private final WebClient web;
    private final String jwkSetUri;
    private final Duration refreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(new JWKSet(), Instant.EPOCH));
    private final AtomicReference<Mono<Snapshot>> inFlight = new AtomicReference<>();

    JwksCache(WebClient web, String jwkSetUri, Duration refreshInterval, Duration maxAge, Clock clock) {
        this.web = web;
        this.jwkSetUri = jwkSetUri;
        this.refreshInterval = refreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        Snapshot snapshot = current.get();
        Instant now = clock.instant();
        boolean stale = snapshot.fetchedAt().plus(maxAge).isBefore(now);
        boolean unknownKid = kid == null ? snapshot.keys().isEmpty() : snapshot.keys().getKeyByKeyId(kid) == null;
        boolean mayRefresh = snapshot.fetchedAt().plus(refreshInterval).isBefore(now);
        if (stale || (unknownKid && mayRefresh)) {
            return refresh().map(fresh -> candidates(fresh.keys(), kid)).flatMapMany(Flux::fromIterable);
        }
        return Flux.fromIterable(candidates(snapshot.keys(), kid));
    }

    private static List<JWK> candidates(JWKSet keys, String kid) {
        if (kid == null) {
            return keys.getKeys();
        }
        JWK key = keys.getKeyByKeyId(kid);
        return key == null ? List.of() : List.of(key);
    }

    private Mono<Snapshot> refresh() {
        Mono<Snapshot> fetch = inFlight.get();
        if (fetch != null) {
            return fetch;
        }
        Mono<Snapshot> created = web.get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                .timeout(Duration.ofSeconds(5))
                .map(body -> new Snapshot(parse(body), clock.instant()))
                .doOnNext(current::set)
                .onErrorResume(failure -> {
                    log.warn("could not fetch the JWKS from {}: {}", jwkSetUri, failure.toString());
                    // keep the keys we have; the next attempt waits for the refresh interval
                    Snapshot kept = new Snapshot(current.get().keys(), clock.instant());
                    current.set(kept);
                    return Mono.just(kept);
                })
                .doFinally(signal -> inFlight.set(null))
                .cache();
        if (inFlight.compareAndSet(null, created)) {
            return created;
        }
        Mono<Snapshot> other = inFlight.get();
        return other != null ? other : created;
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("the JWKS is not a JSON Web Key Set", e);
        }
    }
}
