package dev.modelport.model.onnx;

/** The file is not a model ModelPort will serve; the message says why, in words meant for the uploader. */
public class InvalidModelException extends RuntimeException {

    public InvalidModelException(String message) {
        super(message);
    }
}
