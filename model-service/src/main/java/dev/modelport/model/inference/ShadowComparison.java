package dev.modelport.model.inference;

import java.util.List;

/**
 * How far a shadow's outputs are from production's on the same request: the largest absolute
 * difference over all floating-point outputs, and for classifier-shaped outputs
 * ({@code [rows, classes]}) how many rows pick the same class.
 */
record ShadowComparison(double maxAbsDiff, long rows, long argmaxAgreements) {

    static ShadowComparison of(List<Tensor> production, List<Tensor> shadow) {
        double maxAbsDiff = 0;
        long rows = 0;
        long agreements = 0;
        for (Tensor expected : production) {
            Tensor actual = shadow.stream().filter(tensor -> tensor.name().equals(expected.name())).findFirst().orElse(null);
            double[] a = asDoubles(expected);
            double[] b = actual == null ? null : asDoubles(actual);
            if (a == null || b == null || a.length != b.length) {
                continue;
            }
            for (int i = 0; i < a.length; i++) {
                maxAbsDiff = Math.max(maxAbsDiff, Math.abs(a[i] - b[i]));
            }
            long[] shape = expected.shape();
            if (shape.length == 2 && shape[1] > 1) {
                int classes = Math.toIntExact(shape[1]);
                for (int row = 0; row < shape[0]; row++) {
                    rows++;
                    if (argmax(a, row * classes, classes) == argmax(b, row * classes, classes)) {
                        agreements++;
                    }
                }
            }
        }
        return new ShadowComparison(maxAbsDiff, rows, agreements);
    }

    private static double[] asDoubles(Tensor tensor) {
        if (tensor.data() instanceof float[] floats) {
            double[] values = new double[floats.length];
            for (int i = 0; i < floats.length; i++) {
                values[i] = floats[i];
            }
            return values;
        }
        return tensor.data() instanceof double[] doubles ? doubles : null;
    }

    private static int argmax(double[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
