package dev.modelport.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class AuthorizationCodeFlowTest extends AuthServiceIntegrationTest {

    private static final String REDIRECT_URI = "http://localhost:8090/login/oauth2/code/modelport";

    @Test
    void consoleWhenAdminLogsInWithPkceThenGetsAdminTokensAndRefreshes() throws Exception {
        Browser browser = new Browser(port);
        String verifier = verifier();

        HttpResponse<String> authorize = browser.get(authorizeUrl(challenge(verifier)));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(Browser.location(authorize)).endsWith("/login");

        HttpResponse<String> loggedIn = browser.logIn("admin", ADMIN_PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> redirect = browser.get(Browser.location(loggedIn));
        assertThat(redirect.statusCode()).isEqualTo(302);
        String callback = Browser.location(redirect);
        assertThat(callback).startsWith(REDIRECT_URI);
        Map<String, String> query = UriComponentsBuilder.fromUri(URI.create(callback)).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("state", "console-state");

        HttpResponse<String> wrongVerifier = requestToken("modelport-console", CONSOLE_SECRET, codeExchange(query.get("code"), verifier()));
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(wrongVerifier.body()).contains("invalid_grant");

        // a failed exchange invalidates nothing it should not: start again for a fresh code
        Map<String, Object> tokens = exchangeFreshCode(browser);
        var claims = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("admin");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("modelport-console");
        assertThat(claims.getAudience()).containsExactly("modelport");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getStringListClaim("scope")).contains("models.admin", "models.read", "models.infer");
        assertThat(tokens).containsKeys("refresh_token", "id_token");
        assertThat(SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getAudience())
                .containsExactly("modelport-console");
        assertThat(api("GET", "/api/clients", (String) tokens.get("access_token"), null).statusCode()).isEqualTo(200);

        String refreshToken = (String) tokens.get("refresh_token");
        HttpResponse<String> refreshed = requestToken("modelport-console", CONSOLE_SECRET,
                "grant_type=refresh_token&refresh_token=" + form(refreshToken));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        Map<String, Object> renewed = read(refreshed.body());
        assertThat(SignedJWT.parse((String) renewed.get("access_token")).getJWTClaimsSet().getSubject()).isEqualTo("admin");
        assertThat(renewed.get("refresh_token")).isNotEqualTo(refreshToken);
        assertThat(requestToken("modelport-console", CONSOLE_SECRET,
                "grant_type=refresh_token&refresh_token=" + form(refreshToken)).statusCode()).isEqualTo(400);
    }

    @Test
    void authorizeWhenNoCodeChallengeThenRefused() throws Exception {
        Browser browser = new Browser(port);
        browser.logIn("admin", ADMIN_PASSWORD);

        HttpResponse<String> authorize = browser.get("/oauth2/authorize?response_type=code&client_id=modelport-console"
                + "&redirect_uri=" + form(REDIRECT_URI) + "&scope=openid&state=s");

        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(Browser.location(authorize)).startsWith(REDIRECT_URI).contains("error=invalid_request");
    }

    @Test
    void authorizeWhenUnregisteredRedirectUriThenNoRedirect() throws Exception {
        Browser browser = new Browser(port);
        browser.logIn("admin", ADMIN_PASSWORD);

        HttpResponse<String> authorize = browser.get("/oauth2/authorize?response_type=code&client_id=modelport-console"
                + "&redirect_uri=" + form("http://evil.test/cb") + "&scope=openid&state=s"
                + "&code_challenge=" + challenge(verifier()) + "&code_challenge_method=S256");

        assertThat(authorize.statusCode()).isEqualTo(400);
    }

    @Test
    void loginPageWhenRequestedThenModelPortBranded() throws Exception {
        HttpResponse<String> page = new Browser(port).get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Sign in · ModelPort</title>").contains("name=\"_csrf\"");
    }

    private Map<String, Object> exchangeFreshCode(Browser browser) throws Exception {
        String verifier = verifier();
        HttpResponse<String> redirect = browser.get(authorizeUrl(challenge(verifier)));
        String code = UriComponentsBuilder.fromUri(URI.create(Browser.location(redirect))).build()
                .getQueryParams().getFirst("code");
        HttpResponse<String> response = requestToken("modelport-console", CONSOLE_SECRET, codeExchange(code, verifier));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static String authorizeUrl(String challenge) {
        return "/oauth2/authorize?response_type=code&client_id=modelport-console"
                + "&redirect_uri=" + form(REDIRECT_URI)
                + "&scope=" + form("openid profile models.read models.infer models.admin")
                + "&state=console-state&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String codeExchange(String code, String verifier) {
        return "grant_type=authorization_code&code=" + form(code) + "&redirect_uri=" + form(REDIRECT_URI)
                + "&code_verifier=" + form(verifier);
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
