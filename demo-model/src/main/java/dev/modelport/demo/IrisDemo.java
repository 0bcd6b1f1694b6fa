package dev.modelport.demo;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tribuo.MutableDataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;

/**
 * ModelPort's "train in one language, serve in another" story, all in Java: trains a logistic
 * regression on Fisher's Iris data with Tribuo, checks it on held-out flowers, and exports
 * it to ONNX. Usage: {@code java -jar demo-model.jar <output.onnx>}.
 */
public final class IrisDemo {

    /** The input the exported model takes: four measurements per flower, in this order. */
    public static final String[] FEATURES = {"petal_length", "petal_width", "sepal_length", "sepal_width"};

    private IrisDemo() {
    }

    /** The trained model and its accuracy on flowers it did not see. */
    public record Trained(LinearSGDModel model, double testAccuracy) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: demo-model <output.onnx>");
            System.exit(2);
        }
        Path output = Path.of(args[0]).toAbsolutePath();
        Trained trained = train();
        export(trained.model(), output);
        System.out.printf("trained Iris classifier: test accuracy %.3f; ONNX written to %s%n",
                trained.testAccuracy(), output);
    }

    public static Trained train() throws IOException, URISyntaxException {
        URL csv = Objects.requireNonNull(IrisDemo.class.getResource("/demo/iris.csv"), "iris.csv is bundled");
        Path data = Files.createTempFile("iris", ".csv");
        try {
            try (var in = csv.openStream()) {
                Files.copy(in, data, StandardCopyOption.REPLACE_EXISTING);
            }
            var source = new CSVLoader<>(new LabelFactory()).loadDataSource(data, "species");
            var split = new TrainTestSplitter<>(source, 0.7, 1L);
            var training = new MutableDataset<>(split.getTrain());
            var testing = new MutableDataset<>(split.getTest());
            Model<Label> model = new LogisticRegressionTrainer().train(training);
            LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, testing);
            return new Trained((LinearSGDModel) model, evaluation.accuracy());
        } finally {
            Files.deleteIfExists(data);
        }
    }

    public static void export(LinearSGDModel model, Path output) throws IOException {
        Files.createDirectories(output.getParent());
        model.saveONNXModel("dev.modelport.demo", 1, output);
    }

    /** Feature name to column index in the exported model's input, as Tribuo orders them. */
    public static Map<String, Integer> featureIndex(LinearSGDModel model) {
        var features = model.getFeatureIDMap();
        var index = new LinkedHashMap<String, Integer>();
        for (String name : FEATURES) {
            index.put(name, features.getID(name));
        }
        return index;
    }
}
