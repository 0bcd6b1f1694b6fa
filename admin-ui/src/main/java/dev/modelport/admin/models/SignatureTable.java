package dev.modelport.admin.models;

import com.vaadin.flow.component.grid.Grid;
import dev.modelport.admin.models.ModelRecords.Signature;
import dev.modelport.admin.models.ModelRecords.TensorSpec;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A version's inputs and outputs: name, V2 datatype, shape ({@code -1} for any size). */
class SignatureTable extends Grid<SignatureTable.Row> {

    record Row(String kind, String name, String datatype, String shape) {
    }

    SignatureTable() {
        addColumn(Row::kind).setHeader("").setAutoWidth(true).setFlexGrow(0);
        addColumn(Row::name).setHeader("Tensor").setAutoWidth(true);
        addColumn(Row::datatype).setHeader("Datatype").setAutoWidth(true);
        addColumn(Row::shape).setHeader("Shape").setAutoWidth(true);
        setAllRowsVisible(true);
    }

    void show(Signature signature) {
        setItems(rows(signature));
    }

    static List<Row> rows(Signature signature) {
        if (signature == null) {
            return List.of();
        }
        return Stream.concat(
                        orNone(signature.inputs()).stream().map(spec -> row("input", spec)),
                        orNone(signature.outputs()).stream().map(spec -> row("output", spec)))
                .toList();
    }

    static String shape(List<Long> shape) {
        return shape == null ? "[]" : shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private static Row row(String kind, TensorSpec spec) {
        return new Row(kind, spec.name(), spec.datatype(), shape(spec.shape()));
    }

    private static List<TensorSpec> orNone(List<TensorSpec> specs) {
        return specs == null ? List.of() : specs;
    }
}
