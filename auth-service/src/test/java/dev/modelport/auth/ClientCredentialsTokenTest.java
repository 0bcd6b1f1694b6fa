package dev.modelport.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientCredentialsTokenTest extends AuthServiceIntegrationTest {

    @Test
    void tokenWhenCliCredentialsThenSignedRs256JwtWithPlatformClaims() throws Exception {
        SignedJWT jwt = SignedJWT.parse(adminToken());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("modelport");
        assertThat(claims.getSubject()).isEqualTo("modelport-cli");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("modelport-cli");
        assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("models.infer", "models.read", "models.admin");
        assertThat(claims.getStringClaim("tier")).as("the platform's own clients hold the top tier").isEqualTo("premium");
        assertThat(claims.getClaims()).doesNotContainKey("models");
        assertThat(Duration.between(Instant.now(), claims.getExpirationTime().toInstant()))
                .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(verifiesAgainstJwks(jwt.serialize())).isTrue();
    }

    @Test
    void tokenWhenScopeRequestedThenOnlyThatScope() throws Exception {
        HttpResponse<String> response = requestToken("modelport-cli", CLI_SECRET,
                "grant_type=client_credentials&scope=models.read");
        assertThat(response.statusCode()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse((String) read(response.body()).get("access_token"));
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope")).containsExactly("models.read");
    }

    @Test
    void tokenWhenWrongSecretThenUnauthorized() throws Exception {
        assertThat(requestToken("modelport-cli", "wrong", "grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWhenUnknownClientThenUnauthorized() throws Exception {
        assertThat(requestToken("nobody", "wrong", "grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWhenUnknownGrantThenBadRequest() throws Exception {
        HttpResponse<String> response = requestToken("modelport-cli", CLI_SECRET, "grant_type=password&username=a&password=b");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unsupported_grant_type");
    }

    @Test
    void discoveryWhenRequestedThenNamesIssuerAndJwks() throws Exception {
        HttpResponse<String> response = get("/.well-known/openid-configuration");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"issuer\":\"" + ISSUER + "\"").contains("/oauth2/jwks");
    }

    @Test
    void jwksWhenRequestedThenPublicRs256KeysOnly() throws Exception {
        HttpResponse<String> response = get("/oauth2/jwks");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"kty\":\"RSA\"").contains("\"alg\":\"RS256\"")
                .doesNotContain("\"d\":").doesNotContain("\"p\":");
    }

    @Test
    void prometheusWhenNoCredentialsThenUnauthorized() throws Exception {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }
}
