package dev.modelport.model.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.InferenceResult;
import dev.modelport.model.inference.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class V2JsonWriterTest {

    private final V2JsonWriter writer = new V2JsonWriter();
    private final V2JsonReader reader = new V2JsonReader(DecodeLimits.defaults());

    @Test
    void writeWhenResultHasOutputsThenV2ResponseWithVersionAsString() {
        Tensor scores = new Tensor("scores", Datatype.FP32, new long[] {1, 4},
                new float[] {1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY});
        Tensor labels = new Tensor("labels", Datatype.BYTES, new long[] {1}, new byte[][] {"cat".getBytes(UTF_8)});

        String json = write(new InferenceResult("iris", 3, "req-1", List.of(scores, labels)));

        assertThat(json).isEqualTo("""
                {"model_name":"iris","model_version":"3","id":"req-1","outputs":[\
                {"name":"scores","datatype":"FP32","shape":[1,4],"data":[1.5,"NaN","Infinity","-Infinity"]},\
                {"name":"labels","datatype":"BYTES","shape":[1],"data":["cat"]}]}""");
    }

    @Test
    void writeWhenIdIsNullThenIdLeftOut() {
        String json = write(new InferenceResult("m", 1, null,
                List.of(new Tensor("y", Datatype.UINT8, new long[] {2}, new byte[] {(byte) 200, 1}))));

        assertThat(json).isEqualTo("""
                {"model_name":"m","model_version":"1","outputs":[\
                {"name":"y","datatype":"UINT8","shape":[2],"data":[200,1]}]}""");
    }

    @Test
    void writeWhenUnsignedAndHalfTypesThenWrittenAsTheirValues() {
        String json = write(new InferenceResult("m", 1, null, List.of(
                new Tensor("u64", Datatype.UINT64, new long[] {1}, new long[] {-1L}),
                new Tensor("u32", Datatype.UINT32, new long[] {1}, new int[] {-1}),
                new Tensor("h", Datatype.FP16, new long[] {2},
                        new short[] {Float.floatToFloat16(0.5f), Float.floatToFloat16(-2f)}))));

        assertThat(json).contains("\"data\":[18446744073709551615]", "\"data\":[4294967295]", "\"data\":[0.5,-2.0]");
    }

    @Test
    void writeThenReadRoundTripsEveryDatatype() {
        List<Tensor> tensors = TestBodies.everyDatatype();
        String response = write(new InferenceResult("m", 1, "r", tensors));

        // A response's output objects are valid request inputs, which lets the reader check the writer.
        String request = "{\"inputs\":" + response.substring(response.indexOf('['), response.length() - 1) + "}";
        InferenceRequest decoded = reader.read(new ByteArrayInputStream(request.getBytes(UTF_8)));

        assertThat(decoded.inputs()).containsExactlyElementsOf(tensors);
    }

    @Test
    void binaryOutputsWhenRequestAsksPerOutputThenOnlyThose() {
        InferenceRequest request = new InferenceRequest(null, List.of(), List.of("a", "b"), Map.of(), List.of("b"));
        InferenceResult result = result("a", "b");

        assertThat(V2JsonWriter.binaryOutputs(request, result)).containsExactly("b");
    }

    @Test
    void binaryOutputsWhenRequestParameterSaysBinaryThenAll() {
        InferenceRequest request = new InferenceRequest(null, List.of(), List.of(),
                Map.of("binary_data_output", true), List.of());

        assertThat(V2JsonWriter.binaryOutputs(request, result("a", "b"))).containsExactlyInAnyOrder("a", "b");
    }

    private static InferenceResult result(String... names) {
        return new InferenceResult("m", 1, null, java.util.Arrays.stream(names)
                .map(name -> new Tensor(name, Datatype.INT32, new long[] {1}, new int[] {1}))
                .toList());
    }

    private String write(InferenceResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(result, out);
        return out.toString(UTF_8);
    }
}
