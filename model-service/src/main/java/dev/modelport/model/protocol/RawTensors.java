package dev.modelport.model.protocol;

import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The decoding rules of this package for transports that frame each tensor themselves, such as the KServe V2 gRPC
 * API with its typed contents and {@code raw_input_contents}: the same limits, checked before anything is
 * allocated, the same little-endian layout as the binary tensor extension, and the same error messages as REST.
 * One instance per request, since it counts the request's elements against the per-request limit.
 */
public final class RawTensors {

    private final DecodeLimits limits;
    private final ElementBudget budget;

    public RawTensors(DecodeLimits limits) {
        this.limits = limits;
        this.budget = new ElementBudget(limits);
    }

    /** Rejects a request with more inputs than the limits allow, before any of them is decoded. */
    public void checkInputCount(int inputs) {
        if (inputs > limits.maxInputs()) {
            throw new ProtocolException("request has more than " + limits.maxInputs() + " inputs");
        }
    }

    /**
     * Checks the shape (non-negative dimensions, a sane rank) and counts its elements against the limits.
     *
     * @param label how messages name the input: {@code input 'x'}
     * @return the element count
     */
    public int reserve(String label, List<Long> shape) {
        if (shape.size() > JsonTensorReader.MAX_RANK) {
            throw new ProtocolException(label + ": 'shape' has more than " + JsonTensorReader.MAX_RANK + " dimensions");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i);
            if (dims[i] < 0) {
                throw new ProtocolException(label + ": 'shape' must be non-negative integers, got " + dims[i]);
            }
        }
        return budget.reserve(label, dims);
    }

    /** Throws unless a tensor's element count matches its shape's, in the words REST uses. */
    public static void requireCount(String label, long[] shape, int count, long actual) {
        if (actual != count) {
            throw new ProtocolException(label + ": shape " + Shapes.format(shape) + " needs " + count
                    + " elements, data has " + actual);
        }
    }

    /**
     * Decodes one tensor's raw bytes: fixed-size elements packed little-endian, BOOL as one byte, BYTES as a 4-byte
     * little-endian length before each element. The size is checked against the shape before anything is read.
     *
     * @param count what {@link #reserve} returned for this shape
     * @param size  the number of bytes {@code bytes} holds
     */
    public Tensor decode(String label, String name, Datatype datatype, long[] shape, int count, InputStream bytes,
                         long size) {
        if (datatype != Datatype.BYTES && size != (long) count * datatype.byteSize()) {
            throw new ProtocolException(label + ": raw contents have " + size + " bytes but shape " + Shapes.format(shape)
                    + " of " + datatype + " needs " + (long) count * datatype.byteSize() + " bytes");
        }
        BinaryTensorCodec.checkSize(label, datatype, shape, count, size);
        DecodedInput input = new DecodedInput(label, name, datatype, shape, count, null, size);
        // fixed-size tensors are sized exactly by checkSize; BYTES must use up exactly their size, or read rejects them
        return input.toTensor(BinaryTensorCodec.read(bytes, input));
    }

    /** The number of bytes {@link #write} produces for the tensor. */
    public static long byteSize(Tensor tensor) {
        return BinaryTensorCodec.byteSize(tensor);
    }

    /** Writes the tensor's elements in the raw layout {@link #decode} reads. */
    public static void write(Tensor tensor, OutputStream out) {
        try {
            BinaryTensorCodec.write(tensor, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
