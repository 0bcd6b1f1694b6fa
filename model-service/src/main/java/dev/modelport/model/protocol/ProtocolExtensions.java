package dev.modelport.model.protocol;

import java.util.List;

/**
 * The Open Inference Protocol extensions this server implements, by Triton's names, as server metadata lists them
 * ({@code GET /v2} and gRPC ServerMetadata alike, as Triton does). Only what is really implemented goes here: a
 * client that sees a name relies on it.
 */
public final class ProtocolExtensions {

    /**
     * Triton's binary tensor data extension: inputs after the JSON header ({@code Inference-Header-Content-Length},
     * {@code binary_data_size}), read by {@link V2JsonReader}, and outputs asked for with {@code binary_data} or
     * {@code binary_data_output}, written by {@link V2JsonWriter}. Over gRPC the same is
     * {@code raw_input_contents}/{@code raw_output_contents}.
     */
    public static final String BINARY_TENSOR_DATA = "binary_tensor_data";

    /** Every extension this server implements. */
    public static final List<String> IMPLEMENTED = List.of(BINARY_TENSOR_DATA);

    private ProtocolExtensions() {
    }
}
