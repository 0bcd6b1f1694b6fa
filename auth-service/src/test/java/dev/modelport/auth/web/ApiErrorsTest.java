package dev.modelport.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.auth.AuthServiceIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The framework's own failures on the management API answer the platform's {@code {"error"}} shape, not Boot's. */
class ApiErrorsTest extends AuthServiceIntegrationTest {

    @Test
    void managementApiWhenRouteMethodTypeOrBodyIsWrongThenJsonErrorSayingWhich() throws Exception {
        String admin = adminToken();

        assertError(api("GET", "/api/nothing-here", admin, null), 404, "no such endpoint: /api/nothing-here");
        assertError(api("PUT", "/api/clients", admin, "{}"), 405, "PUT is not supported here");
        assertError(api("POST", "/api/clients", admin, "{\"name\": "), 400, "request body is not valid JSON for this endpoint");
        assertError(api("POST", "/api/clients", admin, "{\"name\": \"x\", \"scopes\": \"models.read\"}"), 400,
                "request body is not valid JSON for this endpoint");

        HttpResponse<String> text = http.send(HttpRequest.newBuilder(uri("/api/clients"))
                        .POST(HttpRequest.BodyPublishers.ofString("name=x"))
                        .header("Content-Type", "text/plain")
                        .header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(text, 415, "content type text/plain;charset=UTF-8 is not supported here; send application/json");
    }

    private void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(read(response.body())).containsOnlyKeys("error").containsEntry("error", message);
    }
}
