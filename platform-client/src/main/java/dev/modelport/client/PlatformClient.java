package dev.modelport.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Calls a running platform over {@link HttpClient}. Every failure is a {@link PlatformException}
 * whose message names the service, the call and, for a refusal, the credential to check.
 */
public final class PlatformClient {

    private final HttpClient http;

    public PlatformClient(HttpClient http) {
        this.http = http;
    }

    public static PlatformClient create() {
        return new PlatformClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** The underlying client, for callers that measure raw calls (bench's load loops). */
    public HttpClient http() {
        return http;
    }

    /** Sends {@code request}; any status comes back, only no answer at all (down, timed out) throws. */
    public ApiResponse send(ApiRequest request) {
        try {
            HttpResponse<String> response = http.send(request.toHttpRequest(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(request, response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new PlatformException(request.endpoint().service() + " did not answer " + request.describe() + " within "
                    + request.timeout().toSeconds() + " s", 0, e);
        } catch (ConnectException e) {
            throw new PlatformException(request.endpoint().service() + " does not answer on " + request.endpoint().base()
                    + " (" + request.describe() + ": connection refused); is it running?", 0, e);
        } catch (IOException e) {
            throw new PlatformException(request.endpoint().service() + " failed " + request.describe() + ": " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted during " + request.describe(), 0, e);
        }
    }

    /** Sends {@code request} and reads the answer as JSON, when its status is one of {@code statuses}. */
    public JsonNode json(ApiRequest request, int... statuses) {
        return send(request).expect(statuses).json();
    }

    /** An access token for {@code client} from auth-service's {@code /oauth2/token} (client_credentials). */
    public String token(Endpoint auth, Authorization.Basic client) {
        ApiRequest request = ApiRequest.post(auth, "/oauth2/token").as(client).form("grant_type=client_credentials");
        JsonNode answer = json(request, 200);
        JsonNode token = answer.path("access_token");
        if (!token.isString() || token.asString().isBlank()) {
            throw new PlatformException(auth.service() + " answered " + request.describe() + " without an access_token", 200);
        }
        return token.asString();
    }

    /** A bearer authorization for {@code client}: a fresh token from auth-service. */
    public Authorization.Bearer bearer(Endpoint auth, Authorization.Basic client) {
        return new Authorization.Bearer(token(auth, client), client.who());
    }
}
