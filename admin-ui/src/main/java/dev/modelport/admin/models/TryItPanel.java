package dev.modelport.admin.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.modelport.admin.models.ModelRecords.InferRequest;
import dev.modelport.admin.models.ModelRecords.InferResponse;
import dev.modelport.admin.models.ModelRecords.Signature;
import dev.modelport.admin.models.ModelRecords.Tensor;
import dev.modelport.admin.models.ModelRecords.TensorSpec;
import dev.modelport.admin.platform.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Calls the model as a consumer would (V2 infer, routed by the rollout) with inputs from its signature. */
class TryItPanel extends VerticalLayout {

    final Map<TensorSpec, TextArea> inputs = new LinkedHashMap<>();
    final VerticalLayout form = new VerticalLayout();
    final Button send = new Button("Send");
    final Paragraph error = new Paragraph();
    final Paragraph latency = new Paragraph();
    final Grid<Tensor> outputs = new Grid<>();
    private final ModelsClient models;
    private final String model;
    private Signature shown;

    TryItPanel(ModelsClient models, String model) {
        this.models = models;
        this.model = model;
        setPadding(false);
        form.setPadding(false);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> send());
        outputs.addColumn(Tensor::name).setHeader("Output").setAutoWidth(true).setFlexGrow(0);
        outputs.addColumn(Tensor::datatype).setHeader("Datatype").setAutoWidth(true).setFlexGrow(0);
        outputs.addColumn(tensor -> SignatureTable.shape(tensor.shape())).setHeader("Shape").setAutoWidth(true).setFlexGrow(0);
        outputs.addColumn(tensor -> abbreviate(String.valueOf(tensor.data()))).setHeader("Data");
        outputs.setAllRowsVisible(true);
        outputs.setVisible(false);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        add(form, send, error, latency, outputs);
    }

    /** A field per input of the version in production, prefilled with an example of its shape. */
    void show(Signature signature) {
        if (Objects.equals(signature, shown)) {
            return;
        }
        shown = signature;
        inputs.clear();
        form.removeAll();
        if (signature == null || signature.inputs() == null) {
            form.add(new Paragraph("Put a version in production to try the model."));
            send.setEnabled(false);
            return;
        }
        for (TensorSpec input : signature.inputs()) {
            TextArea field = new TextArea(input.name() + " · " + input.datatype() + " " + SignatureTable.shape(input.shape()));
            field.setValue(ExampleTensors.example(input));
            field.setWidthFull();
            inputs.put(input, field);
            form.add(field);
        }
        send.setEnabled(true);
    }

    void send() {
        error.setVisible(false);
        List<Tensor> tensors = new ArrayList<>();
        try {
            inputs.forEach((spec, field) -> tensors.add(ExampleTensors.parse(spec, field.getValue())));
        } catch (IllegalArgumentException invalid) {
            showError(invalid.getMessage());
            return;
        }
        long start = System.nanoTime();
        try {
            InferResponse response = models.infer(model, new InferRequest(tensors));
            long micros = (System.nanoTime() - start) / 1000;
            latency.setText("v" + response.model_version() + " answered in " + String.format("%.1f", micros / 1000.0)
                    + " ms (round trip through the gateway)");
            latency.setVisible(true);
            outputs.setItems(response.outputs() == null ? List.of() : response.outputs());
            outputs.setVisible(true);
        } catch (ApiException refused) {
            // a 404 names what is gone: "model 'iris' is not deployed: it does not exist or has no production version"
            showError(refused.getMessage());
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        outputs.setVisible(false);
        latency.setVisible(false);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + " …" : text;
    }
}
