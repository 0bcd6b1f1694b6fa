/**
 * Checks an uploaded ONNX file before ModelPort stores or serves it, and extracts its metadata and signature.
 * A streaming protobuf walk rejects unsafe files; ONNX Runtime then loads the rest in a throwaway child JVM.
 */
package dev.modelport.model.onnx;
