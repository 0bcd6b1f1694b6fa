package dev.modelport.model.inference;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * A named tensor: its V2 datatype, its shape and its elements, flat and row-major, in the
 * array type {@link Datatype#arrayType()} names.
 */
public record Tensor(String name, Datatype datatype, long[] shape, Object data) {

    public Tensor {
        if (!datatype.arrayType().isInstance(data)) {
            throw new IllegalArgumentException("tensor '" + name + "' of " + datatype + " needs "
                    + datatype.arrayType().getSimpleName() + " data, not " + data.getClass().getSimpleName());
        }
        long expected = elementCount(shape);
        if (Array.getLength(data) != expected) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + Array.getLength(data)
                    + " elements but shape " + Arrays.toString(shape) + " needs " + expected);
        }
    }

    public long elementCount() {
        return elementCount(shape);
    }

    /** The product of the dimensions (1 for a scalar); -1 if any dimension is negative. */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                return -1;
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor tensor && name.equals(tensor.name) && datatype == tensor.datatype
                && Arrays.equals(shape, tensor.shape) && Arrays.deepEquals(new Object[] {data}, new Object[] {tensor.data});
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + datatype.hashCode()) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + ", " + datatype + ", " + Arrays.toString(shape) + "]";
    }
}
