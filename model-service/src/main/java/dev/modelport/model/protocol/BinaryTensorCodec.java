package dev.modelport.model.protocol;

import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Tensors in Triton's binary tensor format: elements little-endian and packed, BOOL as one byte, BYTES as a
 * 4-byte little-endian length before each element's bytes. Goes through a small chunk, so a tensor costs its
 * array and not a second copy of its bytes.
 */
final class BinaryTensorCodec {

    private static final int CHUNK_BYTES = 64 * 1024;

    private BinaryTensorCodec() {
    }

    /** Checks a declared binary_data_size against the shape before anything is read or allocated. */
    static void checkSize(String input, Datatype datatype, long[] shape, int count, long size) {
        if (datatype == Datatype.BYTES) {
            if (size < 4L * count) {
                throw new ProtocolException(input + ": binary_data_size is " + size + " but " + count
                        + " BYTES elements need at least " + 4L * count + " bytes for their lengths");
            }
        } else if (size != (long) count * datatype.byteSize()) {
            throw new ProtocolException(input + ": binary_data_size is " + size + " but shape "
                    + Shapes.format(shape) + " of " + datatype + " needs " + (long) count * datatype.byteSize()
                    + " bytes");
        }
    }

    /** Reads an input's elements, whose size {@link #checkSize} accepted. */
    static Object read(InputStream in, DecodedInput input) {
        try {
            if (input.datatype() == Datatype.BYTES) {
                return readBytesElements(in, input);
            }
            return readFixedSize(in, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object readFixedSize(InputStream in, DecodedInput input) throws IOException {
        Datatype datatype = input.datatype();
        int count = input.count();
        int elementBytes = datatype.byteSize();
        Object array = Array.newInstance(datatype.arrayType().componentType(), count);
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, input.binaryDataSize())];
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, chunk.length / elementBytes);
            readFully(in, chunk, n * elementBytes, input);
            ByteBuffer bytes = ByteBuffer.wrap(chunk, 0, n * elementBytes).order(ByteOrder.LITTLE_ENDIAN);
            switch (array) {
                case boolean[] booleans -> {
                    for (int i = 0; i < n; i++) {
                        booleans[done + i] = chunk[i] != 0;
                    }
                }
                case byte[] values -> bytes.get(values, done, n);
                case short[] values -> bytes.asShortBuffer().get(values, done, n);
                case int[] values -> bytes.asIntBuffer().get(values, done, n);
                case long[] values -> bytes.asLongBuffer().get(values, done, n);
                case float[] values -> bytes.asFloatBuffer().get(values, done, n);
                case double[] values -> bytes.asDoubleBuffer().get(values, done, n);
                default -> throw new IllegalStateException("no fixed-size layout for " + datatype);
            }
            done += n;
        }
        return array;
    }

    private static byte[][] readBytesElements(InputStream in, DecodedInput input) throws IOException {
        byte[][] elements = new byte[input.count()][];
        byte[] length = new byte[4];
        long remaining = input.binaryDataSize();
        for (int i = 0; i < elements.length; i++) {
            readFully(in, length, 4, input);
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt());
            remaining -= 4;
            // Each later element still needs its 4 length bytes; checkSize guaranteed them at the start.
            long available = remaining - 4L * (elements.length - i - 1);
            if (size > available || size > DecodeLimits.MAX_ARRAY_LENGTH) {
                throw new ProtocolException(input.label() + ": BYTES element " + i + " claims " + size
                        + " bytes but only " + available + " are left in binary_data_size");
            }
            // readNBytes grows as bytes arrive, so a length the body does not back allocates nothing large.
            elements[i] = in.readNBytes((int) size);
            if (elements[i].length < size) {
                throw endsEarly(input);
            }
            remaining -= size;
        }
        if (remaining != 0) {
            throw new ProtocolException(input.label() + ": binary_data_size is " + input.binaryDataSize()
                    + " but its " + elements.length + " BYTES elements take "
                    + (input.binaryDataSize() - remaining) + " bytes");
        }
        return elements;
    }

    private static void readFully(InputStream in, byte[] buffer, int length, DecodedInput input) throws IOException {
        if (in.readNBytes(buffer, 0, length) < length) {
            throw endsEarly(input);
        }
    }

    private static ProtocolException endsEarly(DecodedInput input) {
        return new ProtocolException(input.label() + ": the body ends before the " + input.binaryDataSize()
                + " bytes of its binary data");
    }

    /** The bytes {@link #write} produces for the tensor: its binary_data_size. */
    static long byteSize(Tensor tensor) {
        if (tensor.data() instanceof byte[][] elements) {
            long size = 0;
            for (byte[] element : elements) {
                size += 4 + element.length;
            }
            return size;
        }
        return tensor.elementCount() * tensor.datatype().byteSize();
    }

    static void write(Tensor tensor, OutputStream out) throws IOException {
        if (tensor.data() instanceof byte[][] elements) {
            ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (byte[] element : elements) {
                out.write(length.putInt(0, element.length).array());
                out.write(element);
            }
            return;
        }
        writeFixedSize(tensor, out);
    }

    private static void writeFixedSize(Tensor tensor, OutputStream out) throws IOException {
        int count = (int) tensor.elementCount();
        int elementBytes = tensor.datatype().byteSize();
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, (long) count * elementBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, chunk.capacity() / elementBytes);
            chunk.clear();
            switch (tensor.data()) {
                case boolean[] booleans -> {
                    for (int i = 0; i < n; i++) {
                        chunk.put((byte) (booleans[done + i] ? 1 : 0));
                    }
                }
                case byte[] values -> chunk.put(values, done, n);
                case short[] values -> chunk.asShortBuffer().put(values, done, n);
                case int[] values -> chunk.asIntBuffer().put(values, done, n);
                case long[] values -> chunk.asLongBuffer().put(values, done, n);
                case float[] values -> chunk.asFloatBuffer().put(values, done, n);
                case double[] values -> chunk.asDoubleBuffer().put(values, done, n);
                default -> throw new IllegalStateException("no fixed-size layout for " + tensor.datatype());
            }
            out.write(chunk.array(), 0, n * elementBytes);
            done += n;
        }
    }
}
