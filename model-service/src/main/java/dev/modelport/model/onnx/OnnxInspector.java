package dev.modelport.model.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the structure of an ONNX file without loading it: the file is read once as a protobuf stream and only the
 * small fields that matter are kept, so a model with hundreds of megabytes of weights never sits in the heap.
 */
final class OnnxInspector {

    /** Protobuf, and so ONNX Runtime, cannot parse a single message of 2 GiB or more. */
    static final long MAX_SIZE = Integer.MAX_VALUE;

    private static final int BUFFER_SIZE = 64 * 1024;

    /**
     * Reads and checks the model at {@code file}.
     *
     * @throws InvalidModelException when the file is not a self-contained ONNX model using only standard operators
     */
    OnnxMetadata inspect(Path file) {
        long size = size(file);
        if (size == 0) {
            throw new InvalidModelException("the file is empty");
        }
        if (size > MAX_SIZE) {
            throw new InvalidModelException("the model is larger than 2 GB; ONNX Runtime only loads models that big "
                    + "with external data files, which ModelPort does not accept");
        }
        // CodedInputStream buffers the file itself; it skips weights with InputStream.skip instead of reading them
        try (InputStream stream = Files.newInputStream(file)) {
            CodedInputStream in = CodedInputStream.newInstance(stream, BUFFER_SIZE);
            in.setSizeLimit(Integer.MAX_VALUE);
            ModelWalk walk = new ModelWalk(in);
            walk.walkModel();
            return walk.result();
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidModelException("the file is truncated or not an ONNX model");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the model file " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the model file " + file, e);
        }
    }
}
