package dev.modelport.admin.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.models.ModelRecords.ModelVersion;
import dev.modelport.admin.models.ModelRecords.Signature;
import dev.modelport.admin.models.ModelRecords.TensorSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class VersionsPanelTest {

    private VersionsPanel panel;

    @BeforeEach
    void setUp() {
        panel = new VersionsPanel();
    }

    @Test
    void showWhenVersionsThenNewestFirstWithShortShaSizeUploaderTimeAndDescription() {
        Instant uploaded = Instant.parse("2025-03-14T09:26:53Z");
        panel.show(List.of(ModelsTestData.version(1),
                new ModelVersion("iris", 2, "fedcba9876543210fedcba98", 5 * 1024 * 1024 + 512 * 1024, "alice", uploaded,
                        "retrained on 2025 data", ModelsTestData.IRIS, null)));

        assertThat(GridKt._size(panel.versions)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(panel.versions, 0)).containsExactly(
                "v2", "fedcba987654", "5.5 MB", "alice", VersionsPanel.TIME.format(uploaded), "retrained on 2025 data");
        assertThat(GridKt._getFormattedRow(panel.versions, 1)).containsExactly(
                "v1", "0123456789ab", "2.0 KB", "admin", VersionsPanel.TIME.format(Instant.EPOCH), "v1");
        assertThat(panel.empty.isVisible()).isFalse();
    }

    @Test
    void showWhenVersionsThenSignatureOfNewestWithInputsAndOutputs() {
        panel.show(List.of(ModelsTestData.version(1), ModelsTestData.version(2)));

        assertThat(panel.signatureTitle.getText()).isEqualTo("Signature of v2");
        assertThat(GridKt._size(panel.signature)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(panel.signature, 0)).containsExactly("input", "input", "FP32", "[-1, 4]");
        assertThat(GridKt._getFormattedRow(panel.signature, 1)).containsExactly("output", "output", "FP32", "[-1, 3]");
    }

    @Test
    void selectWhenOtherVersionThenItsSignatureShown() {
        Signature wider = new Signature(List.of(new TensorSpec("features", "FP64", List.of(-1L, 8L))),
                List.of(new TensorSpec("label", "INT64", List.of(-1L)), new TensorSpec("probabilities", "FP32", null)));
        panel.show(List.of(new ModelVersion("iris", 1, "abc", 10, "admin", null, null, wider, null),
                ModelsTestData.version(2)));

        GridKt._selectRow(panel.versions, 1);

        assertThat(panel.signatureTitle.getText()).isEqualTo("Signature of v1");
        assertThat(GridKt._getFormattedRow(panel.signature, 0)).containsExactly("input", "features", "FP64", "[-1, 8]");
        assertThat(GridKt._getFormattedRow(panel.signature, 1)).containsExactly("output", "label", "INT64", "[-1]");
        assertThat(GridKt._getFormattedRow(panel.signature, 2)).containsExactly("output", "probabilities", "FP32", "[]");
        assertThat(GridKt._getFormattedRow(panel.versions, 1)).containsExactly("v1", "abc", "10 B", "admin", "", "");
    }

    @Test
    void showWhenNoVersionsThenEmptyStatePointsToUploadAndNoSignature() {
        panel.show(List.of());

        assertThat(panel.empty.isVisible()).isTrue();
        assertThat(panel.empty.getText()).isEqualTo("No versions yet — upload one on the Upload tab.");
        assertThat(panel.versions.isVisible()).isFalse();
        assertThat(panel.signature.isVisible()).isFalse();
        assertThat(panel.signatureTitle.isVisible()).isFalse();
    }

    @Test
    void sizeWhenBytesThenHumanUnits() {
        assertThat(VersionsPanel.size(1023)).isEqualTo("1023 B");
        assertThat(VersionsPanel.size(1536)).isEqualTo("1.5 KB");
        assertThat(VersionsPanel.size(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
    }
}
