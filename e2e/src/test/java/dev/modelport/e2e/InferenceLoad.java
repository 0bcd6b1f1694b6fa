package dev.modelport.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded open-loop load of inference POSTs: {@code rate} requests a second, sent whether or
 * not earlier ones have answered (as independent clients do), each with its own 10 s timeout.
 * Every answer is kept with when it was sent and received and which version answered, so a
 * test can check more than the count of failures.
 */
final class InferenceLoad implements AutoCloseable {

    /** One request: nanoTime at send and at answer, the status (0 when none came) and what answered or failed. */
    record Sample(long sentNanos, long answeredNanos, int status, String version, String failure) {

        boolean failed() {
            return failure != null;
        }

        double millis() {
            return (answeredNanos - sentNanos) / 1e6;
        }
    }

    /** What a finished load saw. */
    record Result(List<Sample> samples) {

        int requests() {
            return samples.size();
        }

        List<Sample> failures() {
            return samples.stream().filter(Sample::failed).toList();
        }

        /** The nearest-rank percentile of the latencies, e.g. 99 for p99. */
        double percentileMillis(int percent) {
            double[] millis = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
            return millis.length == 0 ? 0 : millis[Math.max(0, (int) Math.ceil(millis.length * percent / 100.0) - 1)];
        }

        /** Up to five distinct failure reasons, for the message of a failed assertion. */
        List<String> failureReasons() {
            return failures().stream().map(Sample::failure).distinct().limit(5).toList();
        }
    }

    private static final Pattern VERSION = Pattern.compile("\"model_version\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<CompletableFuture<Sample>> calls = new ArrayList<>();
    private final ScheduledFuture<?> ticks;

    private InferenceLoad(HttpRequest request, int rate) {
        ticks = clock.scheduleAtFixedRate(() -> send(request), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
    }

    /** Starts sending {@code body} to {@code url} with {@code token}, {@code rate} times a second, until {@link #finish()}. */
    static InferenceLoad start(String url, String token, String body, int rate) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return new InferenceLoad(request, rate);
    }

    private void send(HttpRequest request) {
        long sent = System.nanoTime();
        CompletableFuture<Sample> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    long answered = System.nanoTime();
                    if (error != null) {
                        return new Sample(sent, answered, 0, null, error.getClass().getSimpleName() + ": " + error.getMessage());
                    }
                    Matcher version = VERSION.matcher(response.body());
                    String failure = response.statusCode() == 200 ? null : response.statusCode() + " " + response.body();
                    return new Sample(sent, answered, response.statusCode(), version.find() ? version.group(1) : null, failure);
                });
        synchronized (calls) {
            calls.add(call);
        }
    }

    /** Stops sending and waits (at most 30 s) for every request sent to answer or time out. */
    Result finish() throws Exception {
        ticks.cancel(false);
        clock.shutdown();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        List<CompletableFuture<Sample>> sent;
        synchronized (calls) {
            sent = List.copyOf(calls);
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        return new Result(Arrays.asList(sent.stream().map(CompletableFuture::join).toArray(Sample[]::new)));
    }

    @Override
    public void close() {
        ticks.cancel(false);
        clock.shutdownNow();
        http.close();
    }
}
