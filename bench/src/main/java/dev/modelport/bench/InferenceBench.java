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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How close model-service gets to ONNX Runtime itself: a small MLP and a CNN (1×3×224×224),
 * in-process ONNX Runtime (the limit) against model-service over REST JSON, REST with
 * binary tensors and gRPC, with dynamic batching on and off, at concurrency 1, 8 and 32. Runs against
 * a stack started with {@code bin/platform up}; prints one table. See bin/bench.
 *
 * <p>Options: {@code --worker URL} (default http://localhost:8081), {@code --grpc HOST:PORT}
 * (default localhost:9091), {@code --seconds S} per
 * scenario (default 5), {@code --models mlp,cnn} (which models to run, default both),
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

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String worker = options.getOrDefault("worker", "http://localhost:8081");
        String grpc = options.getOrDefault("grpc", "localhost:9091");
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
        Path home = Path.of(options.getOrDefault("home", ".modelport"));
        Platform platform = Platform.fromCredentials(home, options.getOrDefault("auth", "http://localhost:9000"));
        List<String> models = List.of(options.getOrDefault("models", "mlp,cnn").split(","));
        boolean runMlp = models.contains("mlp");
        boolean runCnn = models.contains("cnn");
        if (!runMlp && !runCnn) {
            throw new IllegalArgumentException("--models takes mlp, cnn or mlp,cnn");
        }

        byte[] mlp = BenchModels.mlp();
        byte[] cnn = BenchModels.cnn();
        System.out.println("deploying bench models to " + worker + " ...");
        for (String model : List.of("bench-mlp", "bench-mlp-unbatched")) {
            platform.deploy(worker, worker, model, mlp);
        }
        for (String model : List.of("bench-cnn", "bench-cnn-unbatched")) {
            platform.deploy(worker, worker, model, cnn);
        }
        platform.deployWithShadow(worker, "bench-mlp-shadowed", mlp);

        List<Row> rows = new ArrayList<>();
        float[] mlpRow = random(BenchModels.MLP_IN);
        float[] image = random(BenchModels.CNN_CHANNELS * BenchModels.CNN_SIZE * BenchModels.CNN_SIZE);
        long[] mlpShape = {1, BenchModels.MLP_IN};
        long[] imageShape = {1, BenchModels.CNN_CHANNELS, BenchModels.CNN_SIZE, BenchModels.CNN_SIZE};
        if (runMlp) {
            rows.addAll(inProcess("bench-mlp", mlp, "x", mlpRow, mlpShape, seconds));
        }
        if (runCnn) {
            rows.addAll(inProcess("bench-cnn", cnn, "images", image, imageShape, seconds));
        }
        for (String batching : List.of("on", "off")) {
            String suffix = batching.equals("on") ? "" : "-unbatched";
            if (runMlp) {
                rows.addAll(remote(platform, worker, grpc, "bench-mlp" + suffix, "bench-mlp", batching, "x", mlpRow,
                        mlpShape, seconds));
            }
            if (runCnn) {
                rows.addAll(remote(platform, worker, grpc, "bench-cnn" + suffix, "bench-cnn", batching, "images", image,
                        imageShape, seconds));
            }
        }
        if (runMlp) {
            rows.addAll(shadowed(platform, worker, mlpRow, seconds));
        }
        print(rows);
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
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(bytes, options)) {
                long[] batchShape = shape.clone();
                batchShape[0] = BATCH;
                float[] batch = new float[one.length * BATCH];
                for (int i = 0; i < BATCH; i++) {
                    System.arraycopy(one, 0, batch, i * one.length, one.length);
                }
                LoadRun.run(1, WARM_UP_SECONDS, () -> runOnce(env, session, input, batch, batchShape));
                rows.add(new Row(model, "in-process ORT, batch " + BATCH, "-", LoadRun.run(1, seconds,
                        () -> runOnce(env, session, input, batch, batchShape)), BATCH));
                rows.add(new Row(model, "in-process ORT, batch 1", "-", LoadRun.run(8, seconds,
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

    private static List<Row> remote(Platform platform, String worker, String grpcTarget, String model, String label,
                                    String batching, String input, float[] data, long[] shape, double seconds)
            throws Exception {
        URI uri = URI.create(worker + "/v2/models/" + model + "/infer");
        byte[] json = jsonBody(input, data, shape);
        byte[] header = binaryHeader(input, data.length, shape);
        byte[] binary = ByteBuffer.allocate(header.length + data.length * 4).order(ByteOrder.LITTLE_ENDIAN)
                .put(header).put(floats(data)).array();
        HttpRequest jsonRequest = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + platform.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        HttpRequest binaryRequest = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + platform.token())
                .header("Content-Type", "application/octet-stream")
                .header("Inference-Header-Content-Length", String.valueOf(header.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build();
        var grpcRequest = GrpcLoad.request(model, input, data, shape);
        List<Row> rows = new ArrayList<>();
        try (GrpcLoad grpc = new GrpcLoad(grpcTarget, platform.token())) {
            // warm the worker's code paths for this model first, so no row pays for the JIT
            for (Callable<Boolean> call : List.<Callable<Boolean>>of(() -> ok(platform, jsonRequest),
                    () -> ok(platform, binaryRequest), () -> grpc.infer(grpcRequest))) {
                LoadRun.run(8, WARM_UP_SECONDS, call);
            }
            for (int concurrency : CONCURRENCY) {
                rows.add(new Row(label, "REST JSON", batching, LoadRun.run(concurrency, seconds,
                        () -> ok(platform, jsonRequest)), 1));
                rows.add(new Row(label, "REST binary", batching, LoadRun.run(concurrency, seconds,
                        () -> ok(platform, binaryRequest)), 1));
                rows.add(new Row(label, "gRPC raw", batching, LoadRun.run(concurrency, seconds, () -> grpc.infer(grpcRequest)), 1));
            }
        }
        return rows;
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
