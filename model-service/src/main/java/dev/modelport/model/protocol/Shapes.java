package dev.modelport.model.protocol;

import java.util.StringJoiner;

/** Shape arithmetic and formatting for error messages, safe for shapes no tensor could have. */
final class Shapes {

    private Shapes() {
    }

    /**
     * The product of the dimensions (1 for a scalar), saturating at Long.MAX_VALUE instead of overflowing,
     * so a hostile shape still compares as "too large" rather than wrapping to a small or negative count.
     * Dimensions are non-negative: the readers check that first.
     */
    static long elementCount(long[] shape) {
        long count = 1;
        boolean saturated = false;
        for (long dim : shape) {
            if (dim == 0) {
                return 0;
            }
            if (!saturated && Math.multiplyHigh(count, dim) == 0 && count * dim >= 0) {
                count *= dim;
            } else {
                saturated = true;
            }
        }
        return saturated ? Long.MAX_VALUE : count;
    }

    /** {@code [2,3]}, the way clients write shapes in JSON. */
    static String format(long[] shape) {
        StringJoiner joined = new StringJoiner(",", "[", "]");
        for (long dim : shape) {
            joined.add(Long.toString(dim));
        }
        return joined.toString();
    }
}
