package dev.modelport.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How close model-service gets to ONNX Runtime itself: a small MLP, a CNN (1×3×224×224) and a wide MLP,
 * in-process ONNX Runtime (the limit) against model-service over REST JSON, REST with
 * binary tensors and gRPC, with dynamic batching on and off, at concurrency 1, 8 and 32. Runs against
 * a stack started with {@code bin/platform up}; prints one table. See bin/bench.
 *
 * <p>Options: {@code --worker URL} (default http://localhost:8081), {@code --grpc HOST:PORT}
 * (default localhost:9091), {@code --seconds S} per
 * cell (default 5), {@code --warm-up S} per model, setting and path (default 3), {@code --seed N} (the cells' order),
 * {@code --models mlp,cnn,wide} (which models to run, default all),
 * {@code --home DIR} (bin/platform's state, default .modelport).
 */
public final class InferenceBench {

    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final int BATCH = 32;
    private static final double WARM_UP_SECONDS = 1;

    private InferenceBench() {
    }

    /** One table row. */
    record Row(String model, String path, String batching, LoadRun.Result result, int itemsPerCall) {
    }

    /** A bench model: its name on the platform, its bytes, its input and one request's data and shape. */
    private record BenchModel(String name, byte[] bytes, String input, float[] data, long[] shape) {
    }

    /** One measured cell: a model with batching on or off, a path, a concurrency. */
    private record Cell(BenchModel model, String batching, String path, int concurrency) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String worker = options.getOrDefault("worker", "http://localhost:8081");
        String grpc = options.getOrDefault("grpc", "localhost:9091");
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
        double warmUp = Double.parseDouble(options.getOrDefault("warm-up", "3"));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime() % 100_000)));
        Path home = Path.of(options.getOrDefault("home", ".modelport"));
        Platform platform = Platform.fromCredentials(home, options.getOrDefault("auth", "http://localhost:9000"));
        List<String> names = List.of(options.getOrDefault("models", "mlp,cnn,wide").split(","));
        List<BenchModel> models = new ArrayList<>();
        for (String name : names) {
            models.add(switch (name) {
                case "mlp" -> new BenchModel("bench-mlp", BenchModels.mlp(), "x", random(BenchModels.MLP_IN),
                        new long[] {1, BenchModels.MLP_IN});
                case "cnn" -> new BenchModel("bench-cnn", BenchModels.cnn(), "images",
                        random(BenchModels.CNN_CHANNELS * BenchModels.CNN_SIZE * BenchModels.CNN_SIZE),
                        new long[] {1, BenchModels.CNN_CHANNELS, BenchModels.CNN_SIZE, BenchModels.CNN_SIZE});
                case "wide" -> new BenchModel("bench-wide", BenchModels.wide(), "x", random(BenchModels.WIDE_IN),
                        new long[] {1, BenchModels.WIDE_IN});
                default -> throw new IllegalArgumentException("--models takes a comma-separated list of mlp, cnn, wide");
            });
        }
        System.out.printf(Locale.ROOT, "machine: %s; %d s per cell after %.0f s warm-up per model, path and setting;"
                + " cells in shuffled order (--seed %d)%n", Machine.describe(), (long) seconds, warmUp, seed);
        System.out.println("deploying bench models to " + worker + " ...");
        for (BenchModel model : models) {
            for (String name : List.of(model.name(), model.name() + "-unbatched")) {
                platform.deploy(worker, worker, name, model.bytes());
            }
        }
        boolean shadowTest = names.contains("mlp");
        if (shadowTest) {
            platform.deployWithShadow(worker, "bench-mlp-shadowed", BenchModels.mlp());
        }

        List<Row> rows = new ArrayList<>();
        for (BenchModel model : models) {
            rows.addAll(inProcess(model.name(), model.bytes(), model.input(), model.data(), model.shape(), seconds));
        }
        try (GrpcLoad grpcLoad = new GrpcLoad(grpc, platform.token())) {
            Map<Cell, Callable<Boolean>> calls = new LinkedHashMap<>();
            List<Cell> cells = new ArrayList<>();
            for (BenchModel model : models) {
                for (String batching : List.of("on", "off")) {
                    String name = batching.equals("on") ? model.name() : model.name() + "-unbatched";
                    Map<String, Callable<Boolean>> paths = paths(platform, worker, grpcLoad, name, model);
                    for (Map.Entry<String, Callable<Boolean>> path : paths.entrySet()) {
                        // every model, setting and path warms up before any cell is measured: no row pays for the JIT
                        LoadRun.run(8, warmUp, path.getValue());
                        for (int concurrency : CONCURRENCY) {
                            Cell cell = new Cell(model, batching, path.getKey(), concurrency);
                            cells.add(cell);
                            calls.put(cell, path.getValue());
                        }
                    }
                }
            }
            // shuffled, so neither setting always runs first, on a fresher or a more warmed-up worker
            Collections.shuffle(cells, new Random(seed));
            for (Cell cell : cells) {
                rows.add(new Row(cell.model().name(), cell.path(), cell.batching(),
                        LoadRun.run(cell.concurrency(), seconds, calls.get(cell)), 1));
            }
        }
        if (shadowTest) {
            rows.addAll(shadowed(platform, worker, random(BenchModels.MLP_IN), seconds));
        }
        rows.sort(Comparator.comparing(Row::model).thenComparing(Row::path).thenComparing(Row::batching)
                .thenComparingInt(row -> row.result().concurrency()));
        print(rows);
    }

    /** The three ways to call {@code name} with one request: REST JSON, REST binary tensors, gRPC. */
    private static Map<String, Callable<Boolean>> paths(Platform platform, String worker, GrpcLoad grpc, String name,
                                                        BenchModel model) {
        URI uri = URI.create(worker + "/v2/models/" + name + "/infer");
        byte[] json = jsonBody(model.input(), model.data(), model.shape());
        byte[] header = binaryHeader(model.input(), model.data().length, model.shape());
        byte[] binary = ByteBuffer.allocate(header.length + model.data().length * 4).order(ByteOrder.LITTLE_ENDIAN)
                .put(header).put(floats(model.data())).array();
        HttpRequest jsonRequest = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + platform.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        HttpRequest binaryRequest = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + platform.token())
                .header("Content-Type", "application/octet-stream")
                .header("Inference-Header-Content-Length", String.valueOf(header.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build();
        var grpcRequest = GrpcLoad.request(name, model.input(), model.data(), model.shape());
        Map<String, Callable<Boolean>> paths = new LinkedHashMap<>();
        paths.put("REST JSON", () -> ok(platform, jsonRequest));
        paths.put("REST binary", () -> ok(platform, binaryRequest));
        paths.put("gRPC raw", () -> grpc.infer(grpcRequest));
        return paths;
    }

    /** The same MLP with and without a shadow copy of every request, one caller at a time: what a shadow costs the caller. */
    private static List<Row> shadowed(Platform platform, String worker, float[] row, double seconds) throws Exception {
        List<Row> rows = new ArrayList<>();
        long[] shape = {1, BenchModels.MLP_IN};
        for (String model : List.of("bench-mlp", "bench-mlp-shadowed")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(worker + "/v2/models/" + model + "/infer"))
                    .header("Authorization", "Bearer " + platform.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody("x", row, shape))).build();
            rows.add(new Row(model, "REST JSON (shadow test)", "on", LoadRun.run(1, seconds, () -> ok(platform, request)), 1));
        }
        return rows;
    }

    private static List<Row> inProcess(String model, byte[] bytes, String input, float[] one, long[] shape, double seconds)
            throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<Row> rows = new ArrayList<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // as the workers run it: one intra-op thread per session
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(bytes, options)) {
                long[] batchShape = shape.clone();
                batchShape[0] = BATCH;
                float[] batch = new float[one.length * BATCH];
                for (int i = 0; i < BATCH; i++) {
                    System.arraycopy(one, 0, batch, i * one.length, one.length);
                }
                LoadRun.run(1, WARM_UP_SECONDS, () -> runOnce(env, session, input, batch, batchShape));
                rows.add(new Row(model, "in-process ORT, batch " + BATCH + " x1", "-", LoadRun.run(1, seconds,
                        () -> runOnce(env, session, input, batch, batchShape)), BATCH));
                LoadRun.run(2, WARM_UP_SECONDS, () -> runOnce(env, session, input, batch, batchShape));
                rows.add(new Row(model, "in-process ORT, batch " + BATCH + " x2", "-", LoadRun.run(2, seconds,
                        () -> runOnce(env, session, input, batch, batchShape)), BATCH));
                int cores = Runtime.getRuntime().availableProcessors();
                LoadRun.run(cores, WARM_UP_SECONDS, () -> runOnce(env, session, input, one, shape));
                rows.add(new Row(model, "in-process ORT, batch 1 x" + cores, "-", LoadRun.run(cores, seconds,
                        () -> runOnce(env, session, input, one, shape)), 1));
            }
        }
        return rows;
    }

    private static boolean runOnce(OrtEnvironment env, OrtSession session, String input, float[] data, long[] shape)
            throws Exception {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            return result.size() == 1;
        }
    }

    private static final AtomicReference<String> LAST_FAILURE = new AtomicReference<>();

    private static boolean ok(Platform platform, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = platform.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            LAST_FAILURE.set(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.statusCode() == 200;
    }

    private static byte[] jsonBody(String input, float[] data, long[] shape) {
        StringBuilder body = new StringBuilder(data.length * 12);
        body.append("{\"inputs\":[{\"name\":\"").append(input).append("\",\"datatype\":\"FP32\",\"shape\":")
                .append(Arrays.toString(shape).replace(" ", "")).append(",\"data\":[");
        for (int i = 0; i < data.length; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(data[i]);
        }
        return body.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binaryHeader(String input, int elements, long[] shape) {
        return ("{\"inputs\":[{\"name\":\"" + input + "\",\"datatype\":\"FP32\",\"shape\":"
                + Arrays.toString(shape).replace(" ", "") + ",\"parameters\":{\"binary_data_size\":"
                + (elements * 4) + "}}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] floats(float[] data) {
        ByteBuffer bytes = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(data);
        return bytes.array();
    }

    private static float[] random(int size) {
        Random random = new Random(3);
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = random.nextFloat();
        }
        return data;
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-20s %-24s %-8s %5s %10s %10s %9s %9s %7s%n",
                "model", "path", "batching", "conc", "calls/s", "items/s", "p50 ms", "p99 ms", "errors");
        for (Row row : rows) {
            LoadRun.Result r = row.result();
            System.out.printf(Locale.ROOT, "%-20s %-24s %-8s %5d %10.1f %10.1f %9.2f %9.2f %7d%n", row.model(), row.path(),
                    row.batching(), r.concurrency(), r.callsPerSecond(), r.callsPerSecond() * row.itemsPerCall(),
                    r.p50Millis(), r.p99Millis(), r.failures());
        }
        if (LAST_FAILURE.get() != null) {
            System.out.println("last failure: " + LAST_FAILURE.get());
        }
        Ratios.print(rows);
    }
}
