/**
 * The engine: the versions this worker holds (following the catalog's rollout), routing by rollout, validation,
 * per-version batch queues over ONNX Runtime sessions, shadows, and the tensor types the protocols decode into.
 * It knows no transport (model-service's ArchitectureTest) and reports what it measures to {@link InferenceObserver}.
 */
package dev.modelport.model.inference;
