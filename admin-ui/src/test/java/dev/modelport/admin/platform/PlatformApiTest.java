package dev.modelport.admin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

class PlatformApiTest {

    @Test
    void errorOfWhenJsonErrorThenItsText() throws Exception {
        assertThat(PlatformApi.errorOf(response(400, "{\"error\": \"not an ONNX file\"}"))).isEqualTo("not an ONNX file");
    }

    @Test
    void errorOfWhenNoBodyThenStatus() throws Exception {
        assertThat(PlatformApi.errorOf(response(404, ""))).isEqualTo("404");
        assertThat(new ApiException(404, "404").notAvailable()).isTrue();
        assertThat(new ApiException(404, "no such endpoint: /api/workers").notAvailable()).isTrue();
        assertThat(new ApiException(404, "model 'x' not found").notAvailable()).isFalse();
    }

    private static ClientHttpResponse response(int status, String body) {
        return new ClientHttpResponse() {
            @Override
            public HttpStatusCode getStatusCode() {
                return HttpStatus.valueOf(status);
            }

            @Override
            public String getStatusText() {
                return "";
            }

            @Override
            public void close() {
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
    }
}
