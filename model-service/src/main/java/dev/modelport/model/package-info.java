/**
 * model-service: the model registry (models, versions, blobs, rollout, audit in PostgreSQL) and the
 * ONNX Runtime workers serving V2 over HTTP and gRPC; every instance is equal and stateless apart from caches.
 */
package dev.modelport.model;
