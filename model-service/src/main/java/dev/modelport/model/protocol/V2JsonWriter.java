package dev.modelport.model.protocol;

import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.InferenceResult;
import dev.modelport.model.inference.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Encodes V2 REST inference responses, streaming: {@code {model_name, model_version, id?, outputs:[{name,
 * datatype, shape, data}]}}, with {@code model_version} a string as the protocol says and {@code id} left out
 * when the request had none. Elements are flat JSON arrays; non-finite floats are the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} (JSON has no such numbers; {@link V2JsonReader} reads them back).
 * Thread-safe; one instance serves every response. Neither method closes {@code out}; a failure to write it
 * throws {@link UncheckedIOException}.
 */
public final class V2JsonWriter {

    private final JsonFactory factory = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Writes the result as a plain JSON response. */
    public void write(InferenceResult result, OutputStream out) {
        writeJson(result, Set.of(), out);
    }

    /**
     * Writes the result in Triton's binary tensor extension: outputs named in {@code binaryOutputs} appear in
     * the JSON with {@code parameters.binary_data_size} instead of {@code data}, and their raw little-endian
     * bytes follow the JSON in output order (BYTES elements each as a 4-byte little-endian length and the
     * bytes). Names that are not outputs of the result are ignored.
     *
     * <p>The header length is known only once the JSON is written, so a caller that must set it as the
     * Inference-Header-Content-Length response header before the body commits has to buffer {@code out}.
     *
     * @return the length in bytes of the JSON header
     */
    public int writeBinary(InferenceResult result, Set<String> binaryOutputs, OutputStream out) {
        CountingOutputStream counting = new CountingOutputStream(out);
        writeJson(result, binaryOutputs, counting);
        try {
            for (Tensor output : result.outputs()) {
                if (binaryOutputs.contains(output.name())) {
                    BinaryTensorCodec.write(output, out);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Math.toIntExact(counting.count());
    }

    /**
     * The outputs to send in binary for a request: those it asked for with {@code binary_data: true}, or all
     * of the result's when its parameters say {@code binary_data_output: true}. Empty means a plain JSON
     * response.
     */
    public static Set<String> binaryOutputs(InferenceRequest request, InferenceResult result) {
        Set<String> names = new LinkedHashSet<>(request.binaryOutputs());
        if (Boolean.TRUE.equals(request.parameters().get("binary_data_output"))) {
            result.outputs().forEach(output -> names.add(output.name()));
        }
        return names;
    }

    private void writeJson(InferenceResult result, Set<String> binaryOutputs, OutputStream out) {
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("model_name", result.model());
            json.writeStringProperty("model_version", Integer.toString(result.version()));
            if (result.id() != null) {
                json.writeStringProperty("id", result.id());
            }
            json.writeName("outputs");
            json.writeStartArray();
            for (Tensor output : result.outputs()) {
                writeOutput(json, output, binaryOutputs.contains(output.name()));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        } catch (JacksonException e) {
            throw new IllegalStateException("could not write an inference response", e);
        }
    }

    private static void writeOutput(JsonGenerator json, Tensor output, boolean binary) {
        json.writeStartObject();
        json.writeStringProperty("name", output.name());
        json.writeStringProperty("datatype", output.datatype().name());
        json.writeName("shape");
        json.writeArray(output.shape(), 0, output.shape().length);
        if (binary) {
            json.writeName("parameters");
            json.writeStartObject();
            json.writeNumberProperty("binary_data_size", BinaryTensorCodec.byteSize(output));
            json.writeEndObject();
        } else {
            json.writeName("data");
            JsonTensorWriter.writeData(json, output);
        }
        json.writeEndObject();
    }
}
