/**
 * The Open Inference Protocol (KServe V2) over gRPC: {@code inference.GRPCInferenceService} from
 * {@code src/main/proto/grpc_service.proto}, on its own port, with the same engine, limits, errors and JWT rules
 * as the REST API.
 */
package dev.modelport.model.grpc;
