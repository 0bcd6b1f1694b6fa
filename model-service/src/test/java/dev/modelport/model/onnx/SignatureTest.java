package dev.modelport.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final TensorSpec IMAGE = new TensorSpec("image", "FP32", List.of(-1L, 3L, 224L, 224L));
    private static final TensorSpec MASK = new TensorSpec("mask", "BOOL", List.of(-1L, 224L));
    private static final List<TensorSpec> OUTPUTS = List.of(new TensorSpec("scores", "FP32", List.of(-1L, 10L)));
    private static final Signature CURRENT = new Signature(List.of(IMAGE, MASK), OUTPUTS);

    @Test
    void inputIncompatibilityWhenSameInputsThenEmpty() {
        assertThat(CURRENT.inputIncompatibility(new Signature(List.of(MASK, IMAGE), List.of()))).isEmpty();
    }

    @Test
    void inputIncompatibilityWhenMinusOneOnEitherSideThenMatches() {
        Signature candidate = new Signature(List.of(
                new TensorSpec("image", "FP32", List.of(8L, 3L, -1L, 224L)), MASK), OUTPUTS);

        assertThat(CURRENT.inputIncompatibility(candidate)).isEmpty();
    }

    @Test
    void inputIncompatibilityWhenInputMissingThenNamesIt() {
        Signature candidate = new Signature(List.of(IMAGE), OUTPUTS);

        assertThat(CURRENT.inputIncompatibility(candidate)).contains("input 'mask' is missing");
    }

    @Test
    void inputIncompatibilityWhenInputAddedThenNamesIt() {
        Signature candidate = new Signature(List.of(IMAGE, MASK,
                new TensorSpec("temperature", "FP32", List.of(1L))), OUTPUTS);

        assertThat(CURRENT.inputIncompatibility(candidate)).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("input 'temperature' is new"));
    }

    @Test
    void inputIncompatibilityWhenDatatypeDiffersThenSaysBoth() {
        Signature candidate = new Signature(List.of(
                new TensorSpec("image", "FP16", List.of(-1L, 3L, 224L, 224L)), MASK), OUTPUTS);

        assertThat(CURRENT.inputIncompatibility(candidate)).contains("input 'image' has datatype FP16 instead of FP32");
    }

    @Test
    void inputIncompatibilityWhenRankDiffersThenSaysBoth() {
        Signature candidate = new Signature(List.of(IMAGE, new TensorSpec("mask", "BOOL", List.of(-1L))), OUTPUTS);

        assertThat(CURRENT.inputIncompatibility(candidate))
                .contains("input 'mask' has rank 1 instead of 2 (shape [-1] instead of [-1, 224])");
    }

    @Test
    void inputIncompatibilityWhenFixedDimensionDiffersThenNamesDimension() {
        Signature candidate = new Signature(List.of(
                new TensorSpec("image", "FP32", List.of(-1L, 3L, 256L, 256L)), MASK), OUTPUTS);

        assertThat(CURRENT.inputIncompatibility(candidate)).contains(
                "input 'image' has size 256 instead of 224 in dimension 2 "
                        + "(shape [-1, 3, 256, 256] instead of [-1, 3, 224, 224])");
    }

    @Test
    void inputIncompatibilityWhenOnlyOutputsDifferThenEmpty() {
        Signature candidate = new Signature(List.of(IMAGE, MASK), List.of());

        assertThat(CURRENT.inputIncompatibility(candidate)).isEmpty();
    }

    @Test
    void inputIncompatibilityWhenSequenceInputsThenShapeIgnored() {
        Signature current = new Signature(List.of(new TensorSpec("items", "SEQUENCE", List.of())), List.of());
        Signature candidate = new Signature(List.of(new TensorSpec("items", "SEQUENCE", List.of())), List.of());

        assertThat(current.inputIncompatibility(candidate)).isEmpty();
    }
}
