package dev.modelport.model.protocol;

import static dev.modelport.model.protocol.TestBodies.allocatedBytes;
import static dev.modelport.model.protocol.TestBodies.input;
import static dev.modelport.model.protocol.TestBodies.json;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.model.inference.InferenceRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class V2JsonReaderLimitsTest {

    private final V2JsonReader reader = new V2JsonReader(new DecodeLimits(10, 15, 3));

    @Test
    void readWhenShapeFarExceedsTensorLimitThenRejectedBeforeAllocating() {
        V2JsonReader defaults = new V2JsonReader(DecodeLimits.defaults());
        defaults.read(input("warm", "[1]", "FP32", "[1]"));
        long before = allocatedBytes();

        assertThatThrownBy(() -> defaults.read(input("x", "[100000000000]", "FP32", "[1,2,3]")))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("input 'x': shape [100000000000] has more elements (100000000000)"
                        + " than the limit of 16777216 per tensor");

        // what this thread allocated, not how long it took: an array for 10^11 floats would be 400 GB
        assertThat(allocatedBytes() - before).isLessThan(1 << 20);
    }

    @Test
    void readWhenShapeOverflowsLongThenRejectedAsOverLimit() {
        assertThatThrownBy(() -> reader.read(input("x", "[4294967296,4294967296,4294967296]", "FP32", "[]")))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("input 'x': shape [4294967296,4294967296,4294967296] has more elements"
                        + " than the limit of 10 per tensor");
    }

    @Test
    void readWhenInputsTogetherExceedTotalLimitThenRejectedNamingTheInputThatCrossedIt() {
        assertThatThrownBy(() -> reader.read(json("""
                {'inputs':[{'name':'a','shape':[8],'datatype':'UINT8','data':[1,2,3,4,5,6,7,8]},
                           {'name':'b','shape':[8],'datatype':'UINT8','data':[1,2,3,4,5,6,7,8]}]}""")))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("input 'b': the request's inputs have more than 15 elements together,"
                        + " the limit per request");
    }

    @Test
    void readWhenDataBeforeShapeExceedsTensorLimitThenRejectedAtTheLimit() {
        assertThatThrownBy(() -> reader.read(json(
                "{'inputs':[{'name':'x','datatype':'FP32','data':[1,2,3,4,5,6,7,8,9,10,11],'shape':[11]}]}")))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("input 'x': data has more than 10 elements, the limit per tensor");
    }

    @Test
    void readWhenDataBeforeDatatypeExceedsTotalLimitThenRejectedAtTheLimit() {
        assertThatThrownBy(() -> reader.read(json("""
                {'inputs':[{'name':'a','shape':[8],'datatype':'UINT8','data':[1,2,3,4,5,6,7,8]},
                           {'data':[1,2,3,4,5,6,7,8],'datatype':'UINT8','name':'b','shape':[8]}]}""")))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("inputs[1]: the request's inputs have more than 15 elements together,"
                        + " the limit per request");
    }

    @Test
    void readWhenTooManyInputsThenRejected() {
        String one = "{'name':'%s','shape':[1],'datatype':'BOOL','data':[true]}";
        assertThatThrownBy(() -> reader.read(json("{'inputs':[" + one.formatted("a") + "," + one.formatted("b") + ","
                + one.formatted("c") + "," + one.formatted("d") + "]}")))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("request has more than 3 inputs");
    }

    @Test
    void readWhenShapeHasTooManyDimensionsThenRejected() {
        String shape = "[" + "1,".repeat(JsonTensorReader.MAX_RANK) + "1]";
        assertThatThrownBy(() -> reader.read(input("x", shape, "FP32", "[1]")))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("input 'x': 'shape' has more than 64 dimensions");
    }

    @Test
    void readWhenLargeFp32RequestThenAllocatesAboutTheArrayNotBoxes() {
        int count = 4 << 20;
        byte[] body = fp32Request(count);
        V2JsonReader defaults = new V2JsonReader(DecodeLimits.defaults());
        defaults.read(new ByteArrayInputStream(fp32Request(1000)));
        InputStream in = new ByteArrayInputStream(body);

        long before = allocatedBytes();
        InferenceRequest request = defaults.read(in);
        long allocated = allocatedBytes() - before;

        float[] data = (float[]) request.inputs().getFirst().data();
        assertThat(data).hasSize(count);
        assertThat(data[count - 1]).isEqualTo((count - 1) % 1000 + 0.25f);
        assertThat(allocated).isLessThan(3L * Float.BYTES * count);
    }

    /** {"inputs":[{"name":"x","shape":[n],"datatype":"FP32","data":[0.25,1.25,...]}]}, built as bytes. */
    private static byte[] fp32Request(int count) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(count * 8);
        body.writeBytes(("{\"inputs\":[{\"name\":\"x\",\"shape\":[" + count + "],\"datatype\":\"FP32\",\"data\":[")
                .getBytes(US_ASCII));
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(Integer.toString(i % 1000).getBytes(US_ASCII));
            body.writeBytes(".25".getBytes(US_ASCII));
        }
        body.writeBytes("]}]}".getBytes(US_ASCII));
        return body.toByteArray();
    }
}
