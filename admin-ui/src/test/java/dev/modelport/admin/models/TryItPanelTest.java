package dev.modelport.admin.models;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.models.ModelRecords.InferRequest;
import dev.modelport.admin.models.ModelRecords.InferResponse;
import dev.modelport.admin.models.ModelRecords.Tensor;
import dev.modelport.admin.platform.ApiException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class TryItPanelTest {

    private final StubModelsClient models = new StubModelsClient();
    private TryItPanel panel;

    @BeforeEach
    void setUp() {
        panel = new TryItPanel(models, "iris");
        panel.show(ModelsTestData.IRIS);
    }

    @Test
    void showWhenSignatureThenOneFieldPerInputPrefilledWithZerosOfItsShape() {
        assertThat(panel.inputs).hasSize(1);
        assertThat(panel.inputs.values().iterator().next().getValue()).isEqualTo("[[0.0, 0.0, 0.0, 0.0]]");
    }

    @Test
    void sendWhenModelAnswersThenOutputsAndLatencyShown() {
        models.inferResponse = new InferResponse("iris", "1",
                List.of(new Tensor("output", List.of(1L, 3L), "FP32", List.of(0.1, 0.7, 0.2))));
        panel.inputs.values().iterator().next().setValue("[[1.4, 0.2, 5.1, 3.5]]");
        _click(panel.send);

        InferRequest sent = (InferRequest) models.calls.getFirst();
        assertThat(sent.inputs().getFirst().shape()).containsExactly(1L, 4L);
        assertThat(sent.inputs().getFirst().data()).hasSize(4);
        assertThat(GridKt._getFormattedRow(panel.outputs, 0)).contains("output", "[1, 3]", "[0.1, 0.7, 0.2]");
        assertThat(panel.latency.getText()).startsWith("v1 answered in ");
    }

    @Test
    void sendWhenJsonNotRectangularThenErrorAndNoCall() {
        panel.inputs.values().iterator().next().setValue("[[1, 2], [3]]");
        _click(panel.send);

        assertThat(panel.error.getText()).isEqualTo("input: arrays must be rectangular");
        assertThat(models.calls).isEmpty();
    }

    @Test
    void sendWhenModelGoneThenTheServiceSaysSo() {
        models.failure = new ApiException(404,
                "model 'iris' is not deployed: it does not exist or has no production version");
        _click(panel.send);

        assertThat(panel.error.getText())
                .isEqualTo("model 'iris' is not deployed: it does not exist or has no production version");
        assertThat(panel.outputs.isVisible()).isFalse();
    }

    @Test
    void sendWhenShapeRefusedThenServiceErrorAsItIs() {
        models.failure = new ApiException(400, "input 'input': expected 4 elements per row, got 3");
        panel.inputs.values().iterator().next().setValue("[[1, 2, 3]]");
        _click(panel.send);

        assertThat(panel.error.getText()).isEqualTo("input 'input': expected 4 elements per row, got 3");
    }
}
