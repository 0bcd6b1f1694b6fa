package dev.modelport.model.onnx;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON line {@link ModelProbe} prints for its parent: the signature ONNX Runtime reported, or ONNX Runtime's
 * error message.
 */
record ProbeReport(Signature signature, String error) {

    /** Printed before ONNX Runtime is touched, so the parent can tell a crash in ORT from a child that never ran. */
    static final String STARTED = "modelport-probe: started";

    static ProbeReport loaded(Signature signature) {
        return new ProbeReport(signature, null);
    }

    static ProbeReport failed(String error) {
        return new ProbeReport(null, error == null ? "unknown error" : error);
    }

    String toJson() {
        return JsonMapper.shared().writeValueAsString(this);
    }

    /** The report on {@code line}, or null when the line is not one. */
    static ProbeReport parse(String line) {
        try {
            ProbeReport report = JsonMapper.shared().readValue(line, ProbeReport.class);
            return report.signature != null || report.error != null ? report : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
