package dev.modelport.model.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A request waiting in a {@link BatchQueue}: its inputs, its rows, and the future its outputs complete. */
record PendingRequest(List<Tensor> inputs, List<String> outputs, int rows, long enqueuedNanos,
                      CompletableFuture<List<Tensor>> result) {

    /** Requests can share a batch when they ask for the same outputs and every input has the same row shape. */
    boolean batchesWith(PendingRequest other) {
        if (!outputs.equals(other.outputs) || inputs.size() != other.inputs.size()) {
            return false;
        }
        for (int i = 0; i < inputs.size(); i++) {
            Tensor mine = inputs.get(i);
            Tensor theirs = other.inputs.get(i);
            if (!mine.name().equals(theirs.name()) || mine.datatype() != theirs.datatype()
                    || !rowShape(mine).equals(rowShape(theirs))) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> rowShape(Tensor tensor) {
        long[] shape = tensor.shape();
        List<Long> row = new ArrayList<>(shape.length - 1);
        for (int i = 1; i < shape.length; i++) {
            row.add(shape[i]);
        }
        return row;
    }
}
