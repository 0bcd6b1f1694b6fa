package dev.modelport.model.inference;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Stacks requests' inputs along the batch dimension and cuts the outputs back apart. */
final class BatchTensors {

    private BatchTensors() {
    }

    /** Input {@code input} of every request in the batch, their rows stacked in order. */
    static Tensor stack(List<PendingRequest> batch, int input) {
        Tensor template = batch.getFirst().inputs().get(input);
        long[] shape = template.shape().clone();
        shape[0] = batch.stream().mapToInt(PendingRequest::rows).sum();
        Object data = Array.newInstance(template.datatype().arrayType().getComponentType(),
                Math.toIntExact(Tensor.elementCount(shape)));
        int offset = 0;
        for (PendingRequest request : batch) {
            Object part = request.inputs().get(input).data();
            int length = Array.getLength(part);
            System.arraycopy(part, 0, data, offset, length);
            offset += length;
        }
        return new Tensor(template.name(), template.datatype(), shape, data);
    }

    /**
     * Each request's share of the outputs, or null when an output's first dimension is not the
     * batch's row count (the model does not map rows to rows, so the batch can't be split).
     */
    static List<List<Tensor>> split(List<Tensor> outputs, List<PendingRequest> batch) {
        int totalRows = batch.stream().mapToInt(PendingRequest::rows).sum();
        for (Tensor output : outputs) {
            if (output.shape().length == 0 || output.shape()[0] != totalRows) {
                return null;
            }
        }
        List<List<Tensor>> perRequest = new ArrayList<>(batch.size());
        int rowOffset = 0;
        for (PendingRequest request : batch) {
            List<Tensor> share = new ArrayList<>(outputs.size());
            for (Tensor output : outputs) {
                int rowSize = Math.toIntExact(Tensor.elementCount(output.shape()) / totalRows);
                long[] shape = output.shape().clone();
                shape[0] = request.rows();
                Object data = Array.newInstance(output.datatype().arrayType().getComponentType(), request.rows() * rowSize);
                System.arraycopy(output.data(), rowOffset * rowSize, data, 0, request.rows() * rowSize);
                share.add(new Tensor(output.name(), output.datatype(), shape, data));
            }
            perRequest.add(share);
            rowOffset += request.rows();
        }
        return perRequest;
    }
}
