package dev.modelport.model.protocol;

/**
 * The elements one request may still decode, per tensor and in total. Shapes are counted against it before
 * their tensors are allocated, so an absurd shape costs nothing but the error.
 */
final class ElementBudget {

    private final DecodeLimits limits;
    private long used;

    ElementBudget(DecodeLimits limits) {
        this.limits = limits;
    }

    /** Counts the shape's elements against the budget and returns the count, or rejects the input. */
    int reserve(String input, long[] shape) {
        long count = Shapes.elementCount(shape);
        if (count > limits.maxElementsPerTensor()) {
            String counted = count == Long.MAX_VALUE ? "" : " (" + count + ")";
            throw new ProtocolException(input + ": shape " + Shapes.format(shape) + " has more elements" + counted
                    + " than the limit of " + limits.maxElementsPerTensor() + " per tensor");
        }
        if (count > limits.maxTotalElements() - used) {
            throw totalExceeded(input);
        }
        used += count;
        return (int) count;
    }

    /** How many elements the next tensor may have at most, for buffers that grow before the shape is known. */
    int remainingForNextTensor() {
        return (int) Math.min(limits.maxElementsPerTensor(), limits.maxTotalElements() - used);
    }

    /** The error for data that went past {@link #remainingForNextTensor()}. */
    ProtocolException exceeded(String input) {
        if (limits.maxElementsPerTensor() <= limits.maxTotalElements() - used) {
            return new ProtocolException(input + ": data has more than " + limits.maxElementsPerTensor()
                    + " elements, the limit per tensor");
        }
        return totalExceeded(input);
    }

    private ProtocolException totalExceeded(String input) {
        return new ProtocolException(input + ": the request's inputs have more than " + limits.maxTotalElements()
                + " elements together, the limit per request");
    }
}
