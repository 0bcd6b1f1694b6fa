package dev.modelport.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.modelport.model.testing.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Runs the whole validation, child JVM included, against models built by {@link OnnxModels}. */
class ModelValidatorTest {

    private static final ModelValidator validator =
            new ModelValidator(new ValidationProperties(Duration.ofSeconds(60), DataSize.ofGigabytes(4)));

    @TempDir
    Path directory;

    @Test
    void validateWhenAddConstantThenSymbolicBatchIsMinusOne() throws Exception {
        InspectedModel model = validateMatchingInProcessRuntime(OnnxModels.addConstant());

        assertThat(model.signature()).isEqualTo(new Signature(
                List.of(new TensorSpec("x", "FP32", List.of(-1L, 4L))),
                List.of(new TensorSpec("y", "FP32", List.of(-1L, 4L)))));
        assertThat(model.metadata()).isEqualTo(new OnnxMetadata(8, Map.of("", 13L), "modelport-tests", "1.0"));
    }

    @Test
    void validateWhenMultiInputThenInputsInModelOrder() throws Exception {
        InspectedModel model = validateMatchingInProcessRuntime(OnnxModels.multiInput());

        assertThat(model.signature().inputs()).extracting(TensorSpec::name).containsExactly("a", "b");
        assertThat(model.signature().outputs())
                .containsExactly(new TensorSpec("sum", "FP32", List.of(-1L, 3L)));
    }

    @Test
    void validateWhenInt64ModelThenDatatypeIsInt64() throws Exception {
        InspectedModel model = validateMatchingInProcessRuntime(OnnxModels.int64Model());

        assertThat(model.signature()).isEqualTo(new Signature(
                List.of(new TensorSpec("ids", "INT64", List.of(-1L, 5L))),
                List.of(new TensorSpec("doubled", "INT64", List.of(-1L, 5L)))));
    }

    @Test
    void validateWhenMixedTypesThenEachTensorKeepsItsDatatype() throws Exception {
        InspectedModel model = validateMatchingInProcessRuntime(OnnxModels.mixedTypes());

        assertThat(model.signature()).isEqualTo(new Signature(
                List.of(new TensorSpec("features", "FP32", List.of(-1L, 3L)),
                        new TensorSpec("ids", "INT64", List.of(-1L, 2L))),
                List.of(new TensorSpec("squared", "FP32", List.of(-1L, 3L)),
                        new TensorSpec("ids_twice", "INT64", List.of(-1L, 2L)))));
    }

    @Test
    void validateWhenFixedShapeThenNoMinusOne() throws Exception {
        InspectedModel model = validateMatchingInProcessRuntime(OnnxModels.fixedShape());

        assertThat(model.signature().inputs()).containsExactly(new TensorSpec("m", "FP32", List.of(2L, 2L)));
    }

    @Test
    void validateWhenZipMapOutputThenOutputIsSequence() throws Exception {
        InspectedModel model = validateMatchingInProcessRuntime(OnnxModels.zipMapOutput());

        assertThat(model.signature().outputs()).containsExactly(new TensorSpec("labels", "SEQUENCE", List.of()));
        assertThat(model.metadata().opsets()).containsEntry("ai.onnx.ml", 1L);
    }

    @Test
    void validateWhenCustomDomainIsModelFunctionThenLoads() throws Exception {
        InspectedModel model = validateMatchingInProcessRuntime(OnnxModels.customFunction());

        assertThat(model.signature().outputs()).containsExactly(new TensorSpec("y", "FP32", List.of(-1L, 4L)));
    }

    @Test
    void validateWhenLargeModelThenLoadsInChildProcess() {
        Path file = directory.resolve("large.onnx");
        long elements = OnnxModels.writeLargeModel(file, 50L << 20);

        InspectedModel model = validator.validate(file);

        assertThat(model.signature().inputs()).containsExactly(new TensorSpec("x", "FP32", List.of(elements)));
    }

    @Test
    void validateWhenTextFileThenRejectedAsNotAModel() throws IOException {
        assertRejected(OnnxModels.textFile(), "the file is truncated or not an ONNX model");
    }

    @Test
    void validateWhenTruncatedThenRejected() throws IOException {
        assertRejected(OnnxModels.truncated(), "the file is truncated or not an ONNX model");
    }

    @Test
    void validateWhenEmptyThenRejected() throws IOException {
        assertRejected(new byte[0], "the file is empty");
    }

    @Test
    void validateWhenExternalDataThenRejectedNamingTensor() throws IOException {
        assertRejected(OnnxModels.externalData("../../etc/passwd"),
                "tensor 'W' stores its data in an external file ('../../etc/passwd'); upload a self-contained model");
    }

    @Test
    void validateWhenCustomOpThenRejectedNamingDomain() throws IOException {
        assertRejected(OnnxModels.customOp(), "node 'custom' uses operator 'Foo' from custom domain "
                + "'com.example.custom'; custom operator libraries are not loaded");
    }

    @Test
    void validateWhenOnnxRuntimeRefusesModelThenRejectedWithItsMessage() throws IOException {
        Path file = write(OnnxModels.unknownStandardOperator());

        assertThatThrownBy(() -> validator.validate(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageStartingWith("ONNX Runtime could not load the model: ")
                .hasMessageContaining("NotAnOnnxOperator")
                .hasMessageNotContaining(file.toString());
    }

    @Test
    void validateWhenLoadingTakesLongerThanTimeoutThenRejected() throws IOException {
        ModelValidator impatient =
                new ModelValidator(new ValidationProperties(Duration.ofMillis(1), DataSize.ofGigabytes(4)));
        Path file = write(OnnxModels.addConstant());

        assertThatThrownBy(() -> impatient.validate(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("loading the model took longer than 1ms");
    }

    /** Validates {@code bytes} and checks the signature is what ONNX Runtime reports for them in this JVM. */
    private InspectedModel validateMatchingInProcessRuntime(byte[] bytes) throws IOException, OrtException {
        InspectedModel model = validator.validate(write(bytes));

        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = environment.createSession(bytes, options)) {
            assertMatches(model.signature().inputs(), session.getInputInfo());
            assertMatches(model.signature().outputs(), session.getOutputInfo());
        }
        return model;
    }

    private static void assertMatches(List<TensorSpec> specs, Map<String, NodeInfo> reported) {
        assertThat(specs).extracting(TensorSpec::name).containsExactlyElementsOf(reported.keySet());
        for (TensorSpec spec : specs) {
            if (reported.get(spec.name()).getInfo() instanceof TensorInfo tensor) {
                assertThat(spec.datatype()).isEqualTo(DatatypeNames.of(tensor.onnxType));
                assertThat(spec.shape()).containsExactly(java.util.Arrays.stream(tensor.getShape()).boxed()
                        .toArray(Long[]::new));
            }
        }
    }

    private void assertRejected(byte[] model, String message) throws IOException {
        Path file = write(model);
        assertThatThrownBy(() -> validator.validate(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(message);
    }

    private Path write(byte[] model) throws IOException {
        return Files.write(Files.createTempFile(directory, "model", ".onnx"), model);
    }
}
