package dev.modelport.model.web;

import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.InferenceResult;
import dev.modelport.model.inference.InferenceService;
import dev.modelport.model.protocol.DecodeLimits;
import dev.modelport.model.protocol.ProtocolException;
import dev.modelport.model.protocol.V2JsonReader;
import dev.modelport.model.protocol.V2JsonWriter;
import dev.modelport.support.security.Reach;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/models/{name}[/versions/{v}]/infer}: the Open Inference Protocol over HTTP,
 * as JSON or with Triton's binary tensor extension ({@code Inference-Header-Content-Length}).
 * A thin adapter: decoding and encoding are the protocol package's, the rest is the engine's.
 */
@RestController
class InferenceController {

    static final String HEADER_LENGTH = "Inference-Header-Content-Length";

    private final InferenceService inference;
    private final V2JsonReader reader;
    private final V2JsonWriter writer = new V2JsonWriter();

    InferenceController(InferenceService inference, DecodeLimits limits) {
        this.inference = inference;
        this.reader = new V2JsonReader(limits);
    }

    @PostMapping("/v2/models/{name}/infer")
    ResponseEntity<byte[]> infer(@AuthenticationPrincipal Jwt jwt, @PathVariable String name,
                                                    HttpServletRequest http) throws IOException {
        return run(jwt, name, null, http);
    }

    @PostMapping("/v2/models/{name}/versions/{version}/infer")
    ResponseEntity<byte[]> inferVersion(@AuthenticationPrincipal Jwt jwt, @PathVariable String name,
                                                           @PathVariable int version, HttpServletRequest http)
            throws IOException {
        return run(jwt, name, version, http);
    }

    /**
     * Waits for the engine on the request's own thread: requests run on virtual threads
     * ({@code spring.threads.virtual.enabled}), so waiting costs nothing, and it spares each
     * batched request a servlet async dispatch.
     */
    private ResponseEntity<byte[]> run(Jwt jwt, String name, Integer version, HttpServletRequest http) throws IOException {
        Reach.of(jwt).requireModel(name);
        InferenceRequest request = decode(http);
        try {
            return encode(request, inference.infer(name, version, request).join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private InferenceRequest decode(HttpServletRequest http) throws IOException {
        String headerLength = http.getHeader(HEADER_LENGTH);
        try (InputStream body = http.getInputStream()) {
            if (headerLength == null) {
                return reader.read(body);
            }
            int length;
            try {
                length = Integer.parseInt(headerLength.trim());
            } catch (NumberFormatException e) {
                throw new ProtocolException(HEADER_LENGTH + " must be a number, not '" + headerLength + "'");
            }
            return reader.readBinary(body, length);
        }
    }

    private ResponseEntity<byte[]> encode(InferenceRequest request, InferenceResult result) {
        Set<String> binary = V2JsonWriter.binaryOutputs(request, result);
        // the header length is known only once the JSON is written, and it goes in a response header: buffer
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (binary.isEmpty()) {
            writer.write(result, body);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.toByteArray());
        }
        int headerLength = writer.writeBinary(result, binary, body);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HEADER_LENGTH, String.valueOf(headerLength))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body.toByteArray());
    }
}
