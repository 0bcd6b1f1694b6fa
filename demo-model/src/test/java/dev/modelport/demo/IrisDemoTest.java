package dev.modelport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class IrisDemoTest {

    @Test
    void trainWhenIrisThenAccurateOnHeldOutFlowers() throws Exception {
        assertThat(IrisDemo.train().testAccuracy()).isGreaterThan(0.9);
    }

    @Test
    void exportWhenRunInOnnxRuntimeThenSamePredictionsAsTribuo() throws Exception {
        IrisDemo.Trained trained = IrisDemo.train();
        Path onnx = Files.createTempFile("iris", ".onnx");
        IrisDemo.export(trained.model(), onnx);
        Map<String, Integer> column = IrisDemo.featureIndex(trained.model());
        List<String> rows = Files.readAllLines(Path.of(IrisDemo.class.getResource("/demo/iris.csv").toURI()));

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toString())) {
            assertThat(session.getInputNames()).hasSize(1);
            for (String row : rows.subList(1, rows.size())) {
                String[] cells = row.split(",");
                float[] input = new float[4];
                input[column.get("sepal_length")] = Float.parseFloat(cells[0]);
                input[column.get("sepal_width")] = Float.parseFloat(cells[1]);
                input[column.get("petal_length")] = Float.parseFloat(cells[2]);
                input[column.get("petal_width")] = Float.parseFloat(cells[3]);
                try (OnnxTensor tensor = OnnxTensor.createTensor(env, new float[][] {input});
                     OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
                    float[] scores = ((float[][]) result.get(0).getValue())[0];
                    String onnxLabel = trained.model().getOutputIDInfo().getOutput(argmax(scores)).getLabel();
                    Example<Label> example = new ArrayExample<>(new Label("unknown"), List.of(
                            new Feature("sepal_length", input[column.get("sepal_length")]),
                            new Feature("sepal_width", input[column.get("sepal_width")]),
                            new Feature("petal_length", input[column.get("petal_length")]),
                            new Feature("petal_width", input[column.get("petal_width")])));
                    assertThat(onnxLabel).as(row).isEqualTo(trained.model().predict(example).getOutput().getLabel());
                }
            }
        } finally {
            Files.deleteIfExists(onnx);
        }
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
