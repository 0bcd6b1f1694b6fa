package dev.modelport.model.protocol;

/**
 * Limits the reader enforces while it reads, before allocating.
 *
 * @param maxElementsPerTensor most elements one input may have; at most {@link #MAX_ARRAY_LENGTH}, since the
 *                             elements of a tensor live in one Java array
 * @param maxTotalElements     most elements all inputs of one request may have together
 * @param maxInputs            most inputs one request may have
 */
public record DecodeLimits(long maxElementsPerTensor, long maxTotalElements, int maxInputs) {

    /** The longest Java array the JVMs we run on reliably allocate. */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    public DecodeLimits {
        if (maxElementsPerTensor < 0 || maxElementsPerTensor > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("maxElementsPerTensor must be between 0 and " + MAX_ARRAY_LENGTH
                    + ", not " + maxElementsPerTensor);
        }
        if (maxTotalElements < 0) {
            throw new IllegalArgumentException("maxTotalElements must not be negative, not " + maxTotalElements);
        }
        if (maxInputs < 1) {
            throw new IllegalArgumentException("maxInputs must be at least 1, not " + maxInputs);
        }
    }

    /** 16M elements per tensor, 64M per request, 64 inputs. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(16L << 20, 64L << 20, 64);
    }
}
