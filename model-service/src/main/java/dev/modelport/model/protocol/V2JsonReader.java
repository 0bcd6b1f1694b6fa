package dev.modelport.model.protocol;

import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Decodes V2 REST inference requests, streaming: tensor elements go from the body straight into primitive
 * arrays, and every limit in {@link DecodeLimits} is checked before the memory it guards is allocated.
 * Thread-safe; one instance serves every request.
 *
 * <p>Requests that break the protocol throw {@link ProtocolException} with a message naming the input and the
 * problem, for example {@code input 'x': shape [2,3] needs 6 elements, data has 5}. A failure to read the body
 * itself (the client went away) throws {@link UncheckedIOException}.
 *
 * <p>Leniencies, each what some real client sends: nested or flat {@code data}; fields in any order; unknown
 * fields ignored; {@code null} for the optional {@code id}, {@code parameters} and {@code outputs}; float
 * elements as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (what {@link V2JsonWriter}
 * writes) or as Python's bare {@code NaN}/{@code Infinity}. FP16 elements are JSON numbers, rounded to the
 * nearest float and then to half precision.
 */
public final class V2JsonReader {

    private final DecodeLimits limits;
    private final JsonFactory factory;

    public V2JsonReader(DecodeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // The caller owns the body: for binary requests the tensor bytes still follow the JSON.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
    }

    /**
     * Reads a V2 JSON inference request: {@code {id?, parameters?, inputs:[{name, shape, datatype, data,
     * parameters?}], outputs?:[{name, parameters?}]}}. Outputs with {@code parameters.binary_data: true} are
     * also listed in {@link InferenceRequest#binaryOutputs()}; the request-level {@code binary_data_output}
     * stays in {@link InferenceRequest#parameters()} for the caller to act on.
     */
    public InferenceRequest read(InputStream body) {
        DecodedRequest request = readJson(body, false);
        List<Tensor> inputs = new ArrayList<>(request.inputs().size());
        for (DecodedInput input : request.inputs()) {
            inputs.add(input.toTensor(input.data()));
        }
        return toRequest(request, inputs);
    }

    /**
     * Reads a request in Triton's binary tensor extension: the first {@code headerLength} bytes (the
     * Inference-Header-Content-Length) are the JSON header, whose inputs carry {@code parameters.binary_data_size}
     * instead of {@code data} (inputs with {@code data} may be mixed in); then the raw little-endian tensor bytes
     * follow in input order, BYTES elements each as a 4-byte little-endian length and the bytes. The body must
     * end exactly after the last input's bytes.
     */
    public InferenceRequest readBinary(InputStream body, int headerLength) {
        if (headerLength < 0) {
            throw new ProtocolException("Inference-Header-Content-Length must not be negative, not " + headerLength);
        }
        HeaderStream header = new HeaderStream(body, headerLength);
        DecodedRequest request;
        try {
            request = readJson(header, true);
        } catch (ProtocolException e) {
            drain(header);
            throw header.endedEarly() ? headerTooLong(header, headerLength) : e;
        }
        if (header.endedEarly() || header.unread() > 0) {
            throw headerTooLong(header, headerLength);
        }
        List<Tensor> inputs = new ArrayList<>(request.inputs().size());
        for (DecodedInput input : request.inputs()) {
            inputs.add(input.toTensor(input.isBinary() ? BinaryTensorCodec.read(body, input) : input.data()));
        }
        requireEnd(body);
        return toRequest(request, inputs);
    }

    private DecodedRequest readJson(InputStream body, boolean binaryAllowed) {
        try (JsonParser parser = factory.createParser(body)) {
            return new RequestReader(parser, factory, limits, binaryAllowed).read();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        } catch (JacksonException e) {
            throw new ProtocolException("request body is not valid JSON: " + describe(e));
        }
    }

    /** Jackson's own message, with the position but without the source excerpt or any stack trace. */
    private static String describe(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }

    private static ProtocolException headerTooLong(HeaderStream header, int headerLength) {
        return new ProtocolException("Inference-Header-Content-Length is " + headerLength
                + " but the body has only " + (headerLength - header.unread()) + " bytes");
    }

    private static void drain(HeaderStream header) {
        try {
            header.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireEnd(InputStream body) {
        try {
            if (body.read() >= 0) {
                throw new ProtocolException("request body has bytes after the binary data of its inputs");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InferenceRequest toRequest(DecodedRequest request, List<Tensor> inputs) {
        return new InferenceRequest(request.id(), inputs, request.requestedOutputs(), request.parameters(),
                request.binaryOutputs());
    }
}
