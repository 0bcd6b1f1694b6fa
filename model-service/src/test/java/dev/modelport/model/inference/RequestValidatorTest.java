package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    @Test
    void validateWhenMatchingThenAccepted() {
        assertThatCode(() -> validate(List.of(EngineFixtures.rows("x", 3, 0)), List.of())).doesNotThrowAnyException();
    }

    @Test
    void validateWhenUnknownInputThenNamesIt() {
        assertThatThrownBy(() -> validate(List.of(EngineFixtures.rows("z", 1, 0)), List.of()))
                .hasMessageContaining("unknown input 'z'");
    }

    @Test
    void validateWhenInputMissingThenNamesIt() {
        assertThatThrownBy(() -> validate(List.of(), List.of())).hasMessageContaining("missing input 'x'");
    }

    @Test
    void validateWhenWrongDatatypeThenNamesBoth() {
        Tensor ints = new Tensor("x", Datatype.INT64, new long[] {1, 4}, new long[4]);
        assertThatThrownBy(() -> validate(List.of(ints), List.of()))
                .hasMessageContaining("input 'x' must be FP32, not INT64");
    }

    @Test
    void validateWhenFixedDimensionWrongThenNamesDimension() {
        Tensor wide = new Tensor("x", Datatype.FP32, new long[] {1, 5}, new float[5]);
        assertThatThrownBy(() -> validate(List.of(wide), List.of()))
                .hasMessageContaining("input 'x' has shape [1, 5]").hasMessageContaining("dimension 1 must be 4");
    }

    @Test
    void validateWhenWrongRankThenNamesRank() {
        Tensor flat = new Tensor("x", Datatype.FP32, new long[] {4}, new float[4]);
        assertThatThrownBy(() -> validate(List.of(flat), List.of())).hasMessageContaining("rank 2");
    }

    @Test
    void validateWhenOverElementCapThenRejected() {
        assertThatThrownBy(() -> RequestValidator.validate(request(List.of(EngineFixtures.rows("x", 10, 0)), List.of()),
                EngineFixtures.ADD_CONSTANT, 8, true)).hasMessageContaining("more than 8 elements");
    }

    @Test
    void validateWhenUnknownOutputThenNamesIt() {
        assertThatThrownBy(() -> validate(List.of(EngineFixtures.rows("x", 1, 0)), List.of("nope")))
                .hasMessageContaining("unknown output 'nope'");
    }

    private static void validate(List<Tensor> inputs, List<String> outputs) {
        RequestValidator.validate(request(inputs, outputs), EngineFixtures.ADD_CONSTANT, 1 << 20, true);
    }

    private static InferenceRequest request(List<Tensor> inputs, List<String> outputs) {
        return new InferenceRequest("id", inputs, outputs, Map.of(), List.of());
    }
}
