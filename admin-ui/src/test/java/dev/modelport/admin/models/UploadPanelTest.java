package dev.modelport.admin.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import dev.modelport.admin.MockVaadinExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class UploadPanelTest {

    private final List<ModelRecords.ModelVersion> uploaded = new ArrayList<>();
    private UploadPanel panel;

    @BeforeEach
    void setUp() {
        panel = new UploadPanel(new StubModelsClient(), "iris", uploaded::add);
    }

    @Test
    void panelWhenCreatedThenRawStreamingUploadOfOneOnnxFile() {
        assertThat(panel.upload.getAcceptedFileTypes()).containsExactly(".onnx");
        assertThat(panel.upload.getMaxFiles()).isEqualTo(1);
        assertThat(panel.upload.isDropAllowed()).isTrue();
    }

    @Test
    void succeededWhenVersionStoredThenShowsItsSignature() {
        panel.succeeded(ModelsTestData.version(3));

        assertThat(panel.result.getText()).startsWith("Uploaded v3 (sha256 0123456789ab, 2.0 KB)");
        assertThat(GridKt._getFormattedRow(panel.signature, 0)).contains("input", "FP32", "[-1, 4]");
        assertThat(uploaded).hasSize(1);
    }

    @Test
    void failedWhenServiceRefusedThenItsErrorAsItIs() {
        panel.failed("not an ONNX file: protobuf parse error at byte 0");

        assertThat(panel.error.getText()).isEqualTo("not an ONNX file: protobuf parse error at byte 0");
        assertThat(panel.signature.isVisible()).isFalse();
    }
}
