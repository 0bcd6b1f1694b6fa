package dev.modelport.model.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.Tensor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Request bodies and sample tensors shared by the codec tests. */
final class TestBodies {

    private TestBodies() {
    }

    /** A JSON body written with single quotes, which keeps the tests' JSON readable. */
    static InputStream json(String singleQuoted) {
        return new ByteArrayInputStream(singleQuoted.replace('\'', '"').getBytes(UTF_8));
    }

    /** One input object in a request, written with single quotes. */
    static InputStream input(String name, String shape, String datatype, String data) {
        return json("{'inputs':[{'name':'" + name + "','shape':" + shape + ",'datatype':'" + datatype
                + "','data':" + data + "}]}");
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** One tensor per datatype, with the edge values each must carry unchanged. */
    static List<Tensor> everyDatatype() {
        return List.of(
                tensor("bool", Datatype.BOOL, new boolean[] {true, false, true}),
                tensor("uint8", Datatype.UINT8, new byte[] {0, (byte) 255, 7}),
                tensor("int8", Datatype.INT8, new byte[] {Byte.MIN_VALUE, Byte.MAX_VALUE, 0}),
                tensor("uint16", Datatype.UINT16, new short[] {0, (short) 65535, 300}),
                tensor("int16", Datatype.INT16, new short[] {Short.MIN_VALUE, Short.MAX_VALUE, -1}),
                tensor("uint32", Datatype.UINT32, new int[] {0, (int) 4294967295L, 70000}),
                tensor("int32", Datatype.INT32, new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -5}),
                tensor("uint64", Datatype.UINT64, new long[] {0, -1L, Long.MAX_VALUE}),
                tensor("int64", Datatype.INT64, new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 42}),
                tensor("fp16", Datatype.FP16, new short[] {Float.floatToFloat16(1.5f), Float.floatToFloat16(-0.1f),
                        Float.floatToFloat16(Float.NaN), Float.floatToFloat16(Float.POSITIVE_INFINITY),
                        Float.floatToFloat16(65504f), Float.floatToFloat16(-0f)}),
                tensor("fp32", Datatype.FP32, new float[] {0.1f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN,
                        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}),
                tensor("fp64", Datatype.FP64, new double[] {0.1, -0d, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                        Double.NEGATIVE_INFINITY}),
                tensor("bytes", Datatype.BYTES, new byte[][] {"héllo ✓".getBytes(UTF_8), new byte[0],
                        "quote \" and \\ and \n".getBytes(UTF_8)}));
    }

    private static Tensor tensor(String name, Datatype datatype, Object data) {
        return new Tensor(name, datatype, new long[] {java.lang.reflect.Array.getLength(data)}, data);
    }
}
