package dev.modelport.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for auth-service in module tests: an RSA key, its JWKS served over HTTP on
 * localhost, and tokens shaped like auth-service's (issuer, audience {@code modelport},
 * {@code scope}, {@code client_id}, optional {@code models}). Resource servers under test
 * are pointed at {@link #jwksUri()} and validate these tokens the way they validate real ones.
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "http://issuer.test";
    public static final String AUDIENCE = "modelport";

    private final RSAKey key;
    private final HttpServer jwks;

    private TestTokens(RSAKey key, HttpServer jwks) {
        this.key = key;
        this.jwks = jwks;
    }

    /** Generates a key and starts serving its JWKS on a free localhost port. */
    public static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new TestTokens(key, server);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks";
    }

    /** A token for {@code clientId} with the given scopes, valid for all models. */
    public String token(String clientId, String... scopes) {
        return sign(claims(clientId, List.of(scopes)).build());
    }

    /** A token limited to the listed models. */
    public String tokenForModels(String clientId, List<String> models, String... scopes) {
        return sign(claims(clientId, List.of(scopes)).claim("models", models).build());
    }

    /** Any claims, signed with this issuer's key (for tests of the validation itself). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims auth-service puts in a client-credentials token. */
    public JWTClaimsSet.Builder claims(String clientId, List<String> scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(clientId)
                .claim("client_id", clientId)
                .claim("scope", scopes)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    @Override
    public void close() {
        jwks.stop(0);
    }
}
