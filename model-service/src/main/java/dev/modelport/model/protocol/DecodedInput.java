package dev.modelport.model.protocol;

import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.Tensor;

/**
 * One input as its JSON object described it. {@code data} is null when its elements follow the JSON header
 * as {@code binaryDataSize} raw bytes (binary tensor extension).
 *
 * @param label how messages name the input: {@code input 'x'}
 * @param count the element count, already checked against the limits
 */
record DecodedInput(String label, String name, Datatype datatype, long[] shape, int count, Object data,
                    long binaryDataSize) {

    boolean isBinary() {
        return data == null;
    }

    Tensor toTensor(Object elements) {
        return new Tensor(name, datatype, shape, elements);
    }
}
