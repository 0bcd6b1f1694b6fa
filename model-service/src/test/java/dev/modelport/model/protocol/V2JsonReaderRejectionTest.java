package dev.modelport.model.protocol;

import static dev.modelport.model.protocol.TestBodies.input;
import static dev.modelport.model.protocol.TestBodies.json;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class V2JsonReaderRejectionTest {

    private final V2JsonReader reader = new V2JsonReader(DecodeLimits.defaults());

    private void assertRejected(InputStream body, String message) {
        assertThatThrownBy(() -> reader.read(body)).isInstanceOf(ProtocolException.class).hasMessage(message);
    }

    @Test
    void readWhenDataLongerThanShapeThenRejectedNamingInput() {
        assertRejected(input("x", "[2,3]", "FP32", "[1,2,3,4,5,6,7]"),
                "input 'x': shape [2,3] needs 6 elements, data has 7");
    }

    @Test
    void readWhenDataShorterThanShapeThenRejectedNamingInput() {
        assertRejected(input("x", "[2,3]", "FP32", "[[1,2,3],[4,5]]"),
                "input 'x': shape [2,3] needs 6 elements, data has 5");
    }

    @Test
    void readWhenDataBeforeShapeDisagreesThenRejectedNamingInput() {
        assertRejected(json("{'inputs':[{'name':'x','datatype':'INT8','data':[1,2,3],'shape':[2]}]}"),
                "input 'x': shape [2] needs 2 elements, data has 3");
    }

    @Test
    void readWhenDataBeforeDatatypeDisagreesThenRejectedNamingInput() {
        assertRejected(json("{'inputs':[{'data':[1,2,3],'datatype':'INT8','name':'x','shape':[4]}]}"),
                "input 'x': shape [4] needs 4 elements, data has 3");
    }

    @Test
    void readWhenDatatypeUnknownThenRejectedNamingIt() {
        assertThatThrownBy(() -> reader.read(input("x", "[1]", "FLOAT32", "[1]")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("input 'x': unknown datatype 'FLOAT32'; expected one of [BOOL, UINT8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[2,-1]    | input 'x': 'shape' must be an array of non-negative integers, got -1",
            "[2,1.5]   | input 'x': 'shape' must be an array of non-negative integers, got 1.5",
            "[[2]]     | input 'x': 'shape' must be an array of non-negative integers, got a nested array or object",
            "'2'       | input 'x': 'shape' must be an array of non-negative integers"})
    void readWhenShapeIsNotNonNegativeIntegersThenRejected(String shape, String message) {
        assertRejected(input("x", shape, "FP32", "[1,2]"), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "UINT8  | 300                  | input 'x': element 1 (300) is out of range for UINT8",
            "UINT8  | -1                   | input 'x': element 1 (-1) is out of range for UINT8",
            "INT8   | 128                  | input 'x': element 1 (128) is out of range for INT8",
            "INT16  | -32769               | input 'x': element 1 (-32769) is out of range for INT16",
            "UINT16 | 65536                | input 'x': element 1 (65536) is out of range for UINT16",
            "INT32  | 2147483648           | input 'x': element 1 (2147483648) is out of range for INT32",
            "UINT32 | 4294967296           | input 'x': element 1 (4294967296) is out of range for UINT32",
            "INT64  | 9223372036854775808  | input 'x': element 1 (9223372036854775808) is out of range for INT64",
            "UINT64 | 18446744073709551616 | input 'x': element 1 (18446744073709551616) is out of range for UINT64",
            "UINT64 | -1                   | input 'x': element 1 (-1) is out of range for UINT64",
            "INT32  | 1.5                  | input 'x': element 1 of INT32 data must be an integer, not 1.5",
            "INT64  | 2.0                  | input 'x': element 1 of INT64 data must be an integer, not 2.0",
            "BOOL   | 1                    | input 'x': element 1 of BOOL data must be true or false, not 1",
            "BYTES  | 7                    | input 'x': element 1 of BYTES data must be a string, not 7",
            "FP32   | 'abc'   | input 'x': element 1 of FP32 data must be a number, not the string \"abc\"",
            "FP64   | null                 | input 'x': element 1 of FP64 data must be a number, not null"})
    void readWhenElementDoesNotFitDatatypeThenRejectedNamingInput(String datatype, String element, String message) {
        String first = switch (datatype) {
            case "BOOL" -> "true";
            case "BYTES" -> "'a'";
            default -> "0";
        };
        assertRejected(input("x", "[2]", datatype, "[" + first + "," + element + "]"), message);
    }

    @Test
    void readWhenDataHoldsObjectsThenRejected() {
        assertRejected(input("x", "[1]", "FP32", "[{'v':1}]"),
                "input 'x': 'data' must hold arrays and scalars, not objects");
    }

    @Test
    void readWhenDataIsNotArrayThenRejected() {
        assertRejected(input("x", "[]", "FP32", "1"), "input 'x': 'data' must be an array");
    }

    @Test
    void readWhenInputNamesRepeatThenRejected() {
        assertRejected(json("""
                {'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]},
                           {'name':'x','shape':[1],'datatype':'FP32','data':[2]}]}"""),
                "input 'x' appears more than once");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'shape':[1],'datatype':'FP32','data':[1]}  | inputs[0]: missing 'name'",
            "{'name':'x','datatype':'FP32','data':[1]}   | input 'x': missing 'shape'",
            "{'name':'x','shape':[1],'data':[1]}         | input 'x': missing 'datatype'",
            "{'name':'x','shape':[1],'datatype':'FP32'}  | input 'x': missing 'data'",
            "{'name':7,'shape':[1],'datatype':'FP32'}    | inputs[0]: 'name' must be a string",
            "[1]                                         | inputs[0] must be an object"})
    void readWhenInputFieldMissingThenRejectedNamingField(String inputObject, String message) {
        assertRejected(json("{'inputs':[" + inputObject + "]}"), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'inputs':[]}                     | request has no inputs",
            "{'id':'a'}                        | request has no inputs",
            "{'inputs':{}}                     | 'inputs' must be an array",
            "[]                                | request body must be a JSON object",
            "''                                | request body must be a JSON object",
            "{'id':5,'inputs':[]}              | 'id' must be a string",
            "{'parameters':{'p':{}}}           | request: parameter 'p' must be a string, number or boolean",
            "{'parameters':[1]}                | request: 'parameters' must be an object",
            "{'outputs':[{'name':'y'},{'name':'y'}]} | output 'y' is requested more than once",
            "{'outputs':[{'parameters':{}}]}   | outputs[0]: missing 'name'",
            "{'outputs':[{'name':'y','parameters':{'binary_data':1}}]}|output 'y': binary_data must be true or false"})
    void readWhenRequestLevelFieldIsWrongThenRejected(String body, String message) {
        assertRejected(json(body), message);
    }

    @Test
    void readWhenBodyIsMalformedJsonThenRejectedWithoutStackTrace() {
        assertThatThrownBy(() -> reader.read(json("{'inputs':[{'name':'x',,}]}")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("request body is not valid JSON: Unexpected character (',' (code 44))")
                .hasMessageEndingWith("(line 1, column 24)")
                .hasMessageNotContaining("\n\tat ")
                .hasNoCause();
    }

    @Test
    void readWhenBodyIsEmptyThenRejected() {
        assertRejected(json(""), "request body must be a JSON object");
    }

    @Test
    void readWhenBodyIsTruncatedThenRejectedAsInvalidJson() {
        assertThatThrownBy(() -> reader.read(json("{'inputs':[{'name':'x','shape':[3],'datatype':'FP32','data':[1,2")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("request body is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void readWhenFieldRepeatedThenRejectedAsInvalidJson() {
        assertThatThrownBy(() -> reader.read(json(
                "{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1],'data':[2]}]}")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("request body is not valid JSON: Duplicate Object property \"data\"");
    }

    @Test
    void readWhenContentFollowsTheObjectThenRejected() {
        assertRejected(json("{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','data':[1]}]} {}"),
                "request body has content after its JSON object");
    }

    @Test
    void readWhenBinaryDataSizeWithoutBinaryExtensionThenRejected() {
        assertRejected(json(
                "{'inputs':[{'name':'x','shape':[1],'datatype':'FP32','parameters':{'binary_data_size':4}}]}"),
                "input 'x': binary_data_size needs the binary tensor extension"
                        + " (an Inference-Header-Content-Length header)");
    }
}
