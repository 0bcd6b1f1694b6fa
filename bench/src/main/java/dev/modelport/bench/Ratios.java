package dev.modelport.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The comparisons the inference issue sets goals for, computed from one run's rows. */
final class Ratios {

    private Ratios() {
    }

    static void print(List<InferenceBench.Row> rows) {
        Optional<Double> limit = items(rows, "bench-cnn", "in-process ORT, batch 32", "-", 1);
        Optional<Double> batched = items(rows, "bench-cnn", "REST binary", "on", 32);
        Optional<Double> unbatched = items(rows, "bench-cnn", "REST binary", "off", 32);
        Optional<Double> json = items(rows, "bench-cnn", "REST JSON", "on", 32);
        System.out.println();
        ratio("batched CNN (REST binary, c=32) / in-process ORT at batch 32", batched, limit, 0.85);
        ratio("batched CNN / unbatched CNN (REST binary, c=32)", batched, unbatched, 2.0);
        ratio("CNN REST binary / REST JSON (batched, c=32)", batched, json, 2.0);
        ratio("CNN gRPC / REST JSON (batched, c=32)", items(rows, "bench-cnn", "gRPC raw", "on", 32), json, 2.0);
        // each shadow-test row against the one before it: the plain run, then the shadowed one
        List<InferenceBench.Row> shadowTest = rows.stream().filter(row -> row.path().equals("REST JSON (shadow test)")).toList();
        for (int i = 1; i < shadowTest.size(); i++) {
            InferenceBench.Row plain = shadowTest.get(i - 1);
            InferenceBench.Row shadowed = shadowTest.get(i);
            double added = shadowed.result().p50Millis() / plain.result().p50Millis() - 1;
            System.out.printf(Locale.ROOT, "%-62s %+6.1f%%  (goal <= +10%%: %s)%n", "p50 latency added by a shadow (MLP, c=1)",
                    added * 100, added <= 0.10 ? "met" : "NOT met");
        }
    }

    private static void ratio(String label, Optional<Double> top, Optional<Double> bottom, double goal) {
        if (top.isPresent() && bottom.isPresent() && bottom.get() > 0) {
            double value = top.get() / bottom.get();
            System.out.printf(Locale.ROOT, "%-62s %6.2fx  (goal >= %.2fx: %s)%n", label, value, goal,
                    value >= goal ? "met" : "NOT met");
        }
    }

    private static Optional<Double> items(List<InferenceBench.Row> rows, String model, String path, String batching,
                                          int concurrency) {
        return rows.stream().filter(row -> row.model().equals(model) && row.path().equals(path)
                        && row.batching().equals(batching) && row.result().concurrency() == concurrency)
                .findFirst().map(row -> row.result().callsPerSecond() * row.itemsPerCall());
    }
}
