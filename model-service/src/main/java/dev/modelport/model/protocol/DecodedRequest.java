package dev.modelport.model.protocol;

import java.util.List;
import java.util.Map;

/** A request's JSON, read: binary inputs still wait for their bytes. */
record DecodedRequest(String id, Map<String, Object> parameters, List<DecodedInput> inputs,
                      List<String> requestedOutputs, List<String> binaryOutputs) {
}
