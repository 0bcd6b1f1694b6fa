package dev.modelport.model.inference;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tensor element types of the Open Inference Protocol (KServe V2), with the Java array
 * that carries their elements in a {@link Tensor}: {@code boolean[]} for BOOL, {@code byte[]}
 * for INT8/UINT8, {@code short[]} for INT16/UINT16 and FP16 (IEEE half-float bits),
 * {@code int[]} for INT32/UINT32, {@code long[]} for INT64/UINT64, {@code float[]} FP32,
 * {@code double[]} FP64 and {@code byte[][]} for BYTES (one byte string per element).
 */
public enum Datatype {
    BOOL(1, boolean[].class),
    UINT8(1, byte[].class),
    UINT16(2, short[].class),
    UINT32(4, int[].class),
    UINT64(8, long[].class),
    INT8(1, byte[].class),
    INT16(2, short[].class),
    INT32(4, int[].class),
    INT64(8, long[].class),
    FP16(2, short[].class),
    FP32(4, float[].class),
    FP64(8, double[].class),
    BYTES(0, byte[][].class);

    private final int byteSize;
    private final Class<?> arrayType;

    Datatype(int byteSize, Class<?> arrayType) {
        this.byteSize = byteSize;
        this.arrayType = arrayType;
    }

    /** Bytes per element in the binary tensor format; 0 for BYTES, whose elements vary. */
    public int byteSize() {
        return byteSize;
    }

    /** The Java array type that holds this datatype's elements. */
    public Class<?> arrayType() {
        return arrayType;
    }

    public static Optional<Datatype> parse(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
