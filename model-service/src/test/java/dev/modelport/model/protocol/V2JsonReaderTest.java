package dev.modelport.model.protocol;

import static dev.modelport.model.protocol.TestBodies.input;
import static dev.modelport.model.protocol.TestBodies.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class V2JsonReaderTest {

    private final V2JsonReader reader = new V2JsonReader(DecodeLimits.defaults());

    @Test
    void readWhenRequestIsCompleteThenEveryPartIsDecoded() {
        InferenceRequest request = reader.read(json("""
                {'id':'req-1','parameters':{'binary_data_output':true,'priority':2,'ratio':0.5,'tag':'a'},
                 'inputs':[{'name':'x','shape':[2],'datatype':'FP32','data':[1.5,2],'parameters':{'note':'n'}}],
                 'outputs':[{'name':'y','parameters':{'binary_data':true}},{'name':'z'}],
                 'future_field':{'nested':[1,2]}}"""));

        assertThat(request.id()).isEqualTo("req-1");
        assertThat(request.parameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("binary_data_output", true, "priority", 2L, "ratio", 0.5, "tag", "a"));
        assertThat(request.inputs())
                .containsExactly(new Tensor("x", Datatype.FP32, new long[] {2}, new float[] {1.5f, 2f}));
        assertThat(request.requestedOutputs()).containsExactly("y", "z");
        assertThat(request.binaryOutputs()).containsExactly("y");
    }

    @Test
    void readWhenOptionalFieldsAreAbsentOrNullThenEmpty() {
        InferenceRequest request = reader.read(json("{'id':null,'parameters':null,'outputs':null,"
                + "'inputs':[{'name':'x','shape':[],'datatype':'INT64','data':[7]}]}"));

        assertThat(request.id()).isNull();
        assertThat(request.parameters()).isEmpty();
        assertThat(request.requestedOutputs()).isEmpty();
        assertThat(request.inputs().getFirst().shape()).isEmpty();
        assertThat((long[]) request.inputs().getFirst().data()).containsExactly(7L);
    }

    @Test
    void readWhenDataIsNestedThenFlattenedRowMajor() {
        Tensor nested = reader.read(input("x", "[2,3]", "INT32", "[[1,2,3],[4,5,6]]")).inputs().getFirst();
        Tensor flat = reader.read(input("x", "[2,3]", "INT32", "[1,2,3,4,5,6]")).inputs().getFirst();

        assertThat((int[]) nested.data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(nested).isEqualTo(flat);
    }

    @Test
    void readWhenDataComesBeforeShapeThenDecoded() {
        Tensor tensor = reader.read(json(
                "{'inputs':[{'name':'x','datatype':'FP64','data':[[1,2],[3,4]],'shape':[2,2]}]}")).inputs().getFirst();

        assertThat(tensor).isEqualTo(new Tensor("x", Datatype.FP64, new long[] {2, 2}, new double[] {1, 2, 3, 4}));
    }

    @Test
    void readWhenManyElementsComeBeforeShapeThenBufferGrowsAndIsTrimmed() {
        String data = java.util.stream.IntStream.range(0, 3000).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));

        Tensor tensor = reader.read(json("{'inputs':[{'name':'x','datatype':'INT16','data':" + data
                + ",'shape':[3000]}]}")).inputs().getFirst();

        assertThat((short[]) tensor.data()).hasSize(3000).startsWith((short) 0, (short) 1).endsWith((short) 2999);
    }

    @Test
    void readWhenKeysAreSortedSoDataComesBeforeDatatypeThenDecoded() {
        Tensor tensor = reader.read(json(
                "{'inputs':[{'data':[[0.1,NaN],[1e3,'-Infinity']],'datatype':'FP32','name':'x','shape':[2,2]}]}"))
                .inputs().getFirst();

        assertThat((float[]) tensor.data()).containsExactly(0.1f, Float.NaN, 1000f, Float.NEGATIVE_INFINITY);
    }

    @Test
    void readWhenFp16GivenAsNumbersThenConvertedToHalfBits() {
        Tensor tensor = reader.read(input("h", "[3]", "FP16", "[1.5,-0.1,70000]")).inputs().getFirst();

        assertThat((short[]) tensor.data()).containsExactly(Float.floatToFloat16(1.5f), Float.floatToFloat16(-0.1f),
                Float.floatToFloat16(Float.POSITIVE_INFINITY));
    }

    @Test
    void readWhenIntegerTypesAtTheirLimitsThenKeptBitForBit() {
        InferenceRequest request = reader.read(json("""
                {'inputs':[
                 {'name':'u8','shape':[2],'datatype':'UINT8','data':[0,255]},
                 {'name':'u16','shape':[1],'datatype':'UINT16','data':[65535]},
                 {'name':'u32','shape':[1],'datatype':'UINT32','data':[4294967295]},
                 {'name':'u64','shape':[2],'datatype':'UINT64','data':[9223372036854775807,18446744073709551615]},
                 {'name':'i64','shape':[1],'datatype':'INT64','data':[-9223372036854775808]}]}"""));

        assertThat((byte[]) request.inputs().get(0).data()).containsExactly(0, (byte) 255);
        assertThat((short[]) request.inputs().get(1).data()).containsExactly((short) -1);
        assertThat((int[]) request.inputs().get(2).data()).containsExactly(-1);
        assertThat((long[]) request.inputs().get(3).data()).containsExactly(Long.MAX_VALUE, -1L);
        assertThat((long[]) request.inputs().get(4).data()).containsExactly(Long.MIN_VALUE);
    }

    @Test
    void readWhenBoolAndBytesThenDecoded() {
        InferenceRequest request = reader.read(json("""
                {'inputs':[{'name':'b','shape':[2],'datatype':'BOOL','data':[true,false]},
                           {'name':'s','shape':[2],'datatype':'BYTES','data':['héllo','']}]}"""));

        assertThat((boolean[]) request.inputs().get(0).data()).containsExactly(true, false);
        assertThat((byte[][]) request.inputs().get(1).data())
                .isDeepEqualTo(new byte[][] {"héllo".getBytes(UTF_8), new byte[0]});
    }

    @Test
    void readWhenShapeHasZeroDimensionThenEmptyTensor() {
        Tensor tensor = reader.read(input("x", "[0,100000000000]", "FP32", "[]")).inputs().getFirst();

        assertThat((float[]) tensor.data()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[1.5,2],[3,4]]", "[1.5,2,3,4]", "[[[1.5],[2]],[[3],[4]]]"})
    void readWhenNestingDiffersThenSameElements(String data) {
        assertThat((float[]) reader.read(input("x", "[2,2]", "FP32", data)).inputs().getFirst().data())
                .containsExactly(1.5f, 2f, 3f, 4f);
    }
}
