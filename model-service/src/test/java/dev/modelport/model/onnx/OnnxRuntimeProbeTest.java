package dev.modelport.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exit-code mapping, without starting ONNX Runtime: real crashes are hard to produce on purpose. */
class OnnxRuntimeProbeTest {

    private static final Path MODEL = Path.of("/var/tmp/uploads/upload-42.onnx");
    private static final Signature SIGNATURE = new Signature(
            List.of(new TensorSpec("x", "FP32", List.of(-1L, 4L))),
            List.of(new TensorSpec("y", "FP32", List.of(-1L, 4L))));

    @Test
    void interpretWhenLoadedThenSignatureFromLastJsonLine() {
        String stdout = ProbeReport.STARTED + "\nsome native log line\n" + ProbeReport.loaded(SIGNATURE).toJson();

        assertThat(OnnxRuntimeProbe.interpret(0, stdout, "", 1, MODEL)).isEqualTo(SIGNATURE);
    }

    @Test
    void interpretWhenOrtErrorThenRejectedWithMessageWithoutServerPath() {
        String stdout = ProbeReport.STARTED + "\n" + ProbeReport.failed(
                "Load model from " + MODEL + " failed: invalid graph").toJson();

        assertThatThrownBy(() -> OnnxRuntimeProbe.interpret(2, stdout, "", 1, MODEL))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("ONNX Runtime could not load the model: "
                        + "Load model from the uploaded file failed: invalid graph");
    }

    @Test
    void interpretWhenKilledBySignalAfterStartThenRejectedAsCrash() {
        assertThatThrownBy(() -> OnnxRuntimeProbe.interpret(134, ProbeReport.STARTED + "\n", "SIGSEGV", 1, MODEL))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("ONNX Runtime crashed while loading the model (exit code 134)");
    }

    @Test
    void interpretWhenJvmNeverStartedThenServerSideError() {
        assertThatThrownBy(() -> OnnxRuntimeProbe.interpret(1, "",
                "Error occurred during initialization of VM", 1, MODEL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Error occurred during initialization of VM");
    }

    @Test
    void describeWhenWholeSecondsThenSeconds() {
        assertThat(OnnxRuntimeProbe.describe(Duration.ofSeconds(60))).isEqualTo("60s");
        assertThat(OnnxRuntimeProbe.describe(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
