package dev.modelport.admin.platform;

import dev.modelport.admin.security.AccessTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's API through the gateway, called with the signed-in admin's access token.
 * Each backend concern has its own client on top of this ({@code ModelsClient}, {@code ClientsClient}…).
 */
@Component
@EnableConfigurationProperties(PlatformApi.GatewayProperties.class)
public class PlatformApi {

    /** @param gatewayUri where the console reaches the platform's API */
    @ConfigurationProperties("modelport.console")
    record GatewayProperties(@DefaultValue("http://localhost:8080") String gatewayUri) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Long enough for an upload of a large model through the gateway. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
    /** Status look-ups a page waits on while it renders. */
    static final Duration QUICK_READ_TIMEOUT = Duration.ofSeconds(3);

    private final RestClient rest;
    private final RestClient quick;

    PlatformApi(RestClient.Builder builder, GatewayProperties properties, AccessTokens tokens) {
        // the JDK client streams request bodies (uploads are never held in memory); HTTP/1.1 as
        // the gateway speaks it, without an h2c upgrade attempt
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        RestClient.Builder gateway = builder.clone()
                .baseUrl(properties.gatewayUri())
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(tokens.current());
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw new ApiException(response.getStatusCode().value(), errorOf(response));
                });
        this.rest = gateway.clone().requestFactory(requests(http, READ_TIMEOUT)).build();
        this.quick = gateway.clone().requestFactory(requests(http, QUICK_READ_TIMEOUT)).build();
    }

    public RestClient rest() {
        return rest;
    }

    /** Like {@link #rest()}, but gives up after a few seconds: a slow answer must not hold a page. */
    public RestClient quick() {
        return quick;
    }

    private static JdkClientHttpRequestFactory requests(HttpClient http, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return requests;
    }

    /** The {@code error} of a JSON error body, or the body itself, or the status line. */
    static String errorOf(ClientHttpResponse response) throws IOException {
        String body;
        try (InputStream in = response.getBody()) {
            body = new String(in.readNBytes(8192), StandardCharsets.UTF_8).strip();
        }
        if (body.startsWith("{")) {
            try {
                JsonNode error = JSON.readTree(body).path("error");
                if (error.isString() && !error.asString().isBlank()) {
                    return error.asString();
                }
            } catch (RuntimeException notJson) {
                // fall through to the raw body
            }
        }
        if (!body.isEmpty()) {
            return body;
        }
        String reason = response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
        return response.getStatusCode().value() + (reason == null ? "" : " " + reason);
    }
}
