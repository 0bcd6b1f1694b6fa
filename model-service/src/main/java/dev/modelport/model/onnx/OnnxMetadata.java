package dev.modelport.model.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model file says about itself.
 *
 * @param opsets operator set versions by domain; {@code ""} is the default {@code ai.onnx} domain
 */
public record OnnxMetadata(long irVersion, Map<String, Long> opsets, String producerName, String producerVersion) {

    public OnnxMetadata {
        // keeps the file's order, which is what a person reading the metadata expects
        opsets = Collections.unmodifiableMap(new LinkedHashMap<>(opsets));
        producerName = producerName == null ? "" : producerName;
        producerVersion = producerVersion == null ? "" : producerVersion;
    }
}
