package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NativeBatchTest {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();

    @ParameterizedTest
    @EnumSource(value = Datatype.class, names = {"FP32", "FP64", "INT64", "INT32", "INT16", "FP16", "INT8", "UINT8", "BOOL"})
    void stackWhenRequestsOfOneDatatypeThenTensorHoldsEveryRowInOrder(Datatype datatype) {
        List<PendingRequest> batch = List.of(request(datatype, 1, 1), request(datatype, 3, 2), request(datatype, 2, 3));
        NativeBatch staging = new NativeBatch();
        try (NativeBatch.Feeds feeds = staging.stack(env, batch)) {
            assertThat(values(feeds.tensors().get("x"))).isEqualTo(BatchTensors.stack(batch, 0));
        }
    }

    @Test
    void stackWhenSmallerBatchFollowsThenReusedBufferHoldsOnlyItsRows() {
        NativeBatch staging = new NativeBatch();
        try (NativeBatch.Feeds ignored = staging.stack(env, List.of(request(Datatype.FP32, 8, 1), request(Datatype.FP32, 8, 2)))) {
            assertThat(ignored.tensors()).containsKey("x");
        }
        List<PendingRequest> smaller = List.of(request(Datatype.FP32, 2, 5));
        try (NativeBatch.Feeds feeds = staging.stack(env, smaller)) {
            Tensor stacked = values(feeds.tensors().get("x"));
            assertThat(stacked.shape()).containsExactly(2, 3);
            assertThat(stacked).isEqualTo(BatchTensors.stack(smaller, 0));
        }
    }

    @Test
    void runWhenTwoInputsOfDifferentTypesThenEachRequestGetsWhatItsOwnCallWouldGive() throws Exception {
        SessionRunner runner = EngineFixtures.runner(dev.modelport.model.testing.OnnxModels.mixedTypes(), null);
        List<PendingRequest> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Tensor features = new Tensor("features", Datatype.FP32, new long[] {i + 1, 3}, random(Datatype.FP32, (i + 1) * 3, i));
            Tensor ids = new Tensor("ids", Datatype.INT64, new long[] {i + 1, 2}, random(Datatype.INT64, (i + 1) * 2, i));
            batch.add(new PendingRequest(List.of(features, ids), List.of("squared", "ids_twice"), i + 1, System.nanoTime(),
                    new CompletableFuture<>()));
        }
        List<List<Tensor>> shares;
        try (NativeBatch.Feeds feeds = new NativeBatch().stack(env, batch)) {
            shares = BatchTensors.split(runner.run(feeds.tensors(), List.of("squared", "ids_twice")), batch);
        }
        for (int i = 0; i < batch.size(); i++) {
            assertThat(shares.get(i)).isEqualTo(runner.run(batch.get(i).inputs(), List.of("squared", "ids_twice")));
        }
        runner.close();
    }

    private static Tensor values(OnnxTensor tensor) {
        try {
            return OrtTensors.fromOrt("x", tensor);
        } catch (ai.onnxruntime.OrtException e) {
            throw new AssertionError(e);
        }
    }

    private static PendingRequest request(Datatype datatype, int rows, int seed) {
        Tensor input = new Tensor("x", datatype, new long[] {rows, 3}, random(datatype, rows * 3, seed));
        return new PendingRequest(List.of(input), List.of(), rows, System.nanoTime(), new CompletableFuture<>());
    }

    private static Object random(Datatype datatype, int count, int seed) {
        Random random = new Random(seed);
        Object data = Array.newInstance(datatype.arrayType().getComponentType(), count);
        for (int i = 0; i < count; i++) {
            switch (data) {
                case float[] values -> values[i] = random.nextFloat();
                case double[] values -> values[i] = random.nextDouble();
                case long[] values -> values[i] = random.nextLong();
                case int[] values -> values[i] = random.nextInt();
                // FP16 bits of small finite numbers, so the round trip is exact
                case short[] values -> values[i] = (short) (datatype == Datatype.FP16 ? 0x3C00 + random.nextInt(0x200)
                        : random.nextInt());
                case byte[] values -> values[i] = (byte) random.nextInt();
                case boolean[] values -> values[i] = random.nextBoolean();
                default -> throw new IllegalArgumentException(datatype.name());
            }
        }
        return data;
    }
}
