package dev.modelport.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The comparisons the batching goals are stated in, computed from one run's rows. */
final class Ratios {

    private static final String[] PATHS = {"REST JSON", "REST binary", "gRPC raw"};

    private Ratios() {
    }

    static void print(List<InferenceBench.Row> rows) {
        Set<String> models = new LinkedHashSet<>();
        rows.stream().filter(row -> row.path().startsWith("in-process")).forEach(row -> models.add(row.model()));
        System.out.printf(Locale.ROOT, "%nbatching on vs off (goals: c=1 p50 +5%% at most; c=8 and c=32 items/s >= 1.00x)%n");
        System.out.printf(Locale.ROOT, "%-12s %-12s %-22s %-18s %-18s%n", "model", "path", "c=1 p50 added", "c=8 on/off", "c=32 on/off");
        for (String model : models) {
            for (String path : PATHS) {
                Optional<InferenceBench.Row> on1 = row(rows, model, path, "on", 1);
                Optional<InferenceBench.Row> off1 = row(rows, model, path, "off", 1);
                if (on1.isEmpty() || off1.isEmpty()) {
                    continue;
                }
                double added = on1.get().result().p50Millis() / off1.get().result().p50Millis() - 1;
                System.out.printf(Locale.ROOT, "%-12s %-12s %-22s %-18s %-18s%n", model, path,
                        String.format(Locale.ROOT, "%+6.1f%% %s", added * 100, added <= 0.05 ? "met" : "NOT met"),
                        throughput(rows, model, path, 8), throughput(rows, model, path, 32));
            }
        }
        System.out.printf(Locale.ROOT, "%nserved vs in-process ONNX Runtime (best served items/s at c=32 / the faster of"
                + " batch 32 and parallel batch 1; goal >= 0.90x)%n");
        for (String model : models) {
            double limit = rows.stream().filter(row -> row.model().equals(model) && row.path().startsWith("in-process"))
                    .mapToDouble(Ratios::items).max().orElse(Double.NaN);
            Optional<InferenceBench.Row> best = rows.stream().filter(row -> row.model().equals(model)
                    && !row.path().startsWith("in-process") && row.result().concurrency() == 32)
                    .max((a, b) -> Double.compare(items(a), items(b)));
            best.ifPresent(row -> {
                double ratio = items(row) / limit;
                System.out.printf(Locale.ROOT, "%-12s %6.2fx  (%s, batching %s: %.0f items/s vs %.0f)  %s%n", model, ratio,
                        row.path(), row.batching(), items(row), limit, ratio >= 0.9 ? "met" : "NOT met");
            });
        }
        // each shadow-test row against the one before it: the plain run, then the shadowed one
        List<InferenceBench.Row> shadowTest = rows.stream().filter(row -> row.path().equals("REST JSON (shadow test)")).toList();
        for (int i = 1; i < shadowTest.size(); i++) {
            InferenceBench.Row plain = shadowTest.get(i - 1);
            InferenceBench.Row shadowed = shadowTest.get(i);
            double added = shadowed.result().p50Millis() / plain.result().p50Millis() - 1;
            System.out.printf(Locale.ROOT, "%n%-62s %+6.1f%%  (goal <= +10%%: %s)%n", "p50 latency added by a shadow (MLP, c=1)",
                    added * 100, added <= 0.10 ? "met" : "NOT met");
        }
    }

    private static String throughput(List<InferenceBench.Row> rows, String model, String path, int concurrency) {
        Optional<InferenceBench.Row> on = row(rows, model, path, "on", concurrency);
        Optional<InferenceBench.Row> off = row(rows, model, path, "off", concurrency);
        if (on.isEmpty() || off.isEmpty() || items(off.get()) == 0) {
            return "n/a";
        }
        double ratio = items(on.get()) / items(off.get());
        return String.format(Locale.ROOT, "%5.2fx %s", ratio, ratio >= 1.0 ? "met" : "NOT met");
    }

    private static double items(InferenceBench.Row row) {
        return row.result().callsPerSecond() * row.itemsPerCall();
    }

    private static Optional<InferenceBench.Row> row(List<InferenceBench.Row> rows, String model, String path, String batching,
                                                    int concurrency) {
        return rows.stream().filter(row -> row.model().equals(model) && row.path().equals(path)
                && row.batching().equals(batching) && row.result().concurrency() == concurrency).findFirst();
    }
}
