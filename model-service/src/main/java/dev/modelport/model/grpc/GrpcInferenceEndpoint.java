package dev.modelport.model.grpc;

import dev.modelport.model.catalog.ModelMetadataService;
import dev.modelport.model.catalog.VersionCatalog;
import dev.modelport.model.grpc.v2.GRPCInferenceServiceGrpc;
import dev.modelport.model.grpc.v2.ModelInferRequest;
import dev.modelport.model.grpc.v2.ModelInferResponse;
import dev.modelport.model.grpc.v2.ModelMetadataRequest;
import dev.modelport.model.grpc.v2.ModelMetadataResponse;
import dev.modelport.model.grpc.v2.ModelReadyRequest;
import dev.modelport.model.grpc.v2.ModelReadyResponse;
import dev.modelport.model.grpc.v2.ServerLiveRequest;
import dev.modelport.model.grpc.v2.ServerLiveResponse;
import dev.modelport.model.grpc.v2.ServerMetadataRequest;
import dev.modelport.model.grpc.v2.ServerMetadataResponse;
import dev.modelport.model.grpc.v2.ServerReadyRequest;
import dev.modelport.model.grpc.v2.ServerReadyResponse;
import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.InferenceService;
import dev.modelport.model.onnx.TensorSpec;
import dev.modelport.model.protocol.DecodeLimits;
import dev.modelport.model.protocol.ProtocolException;
import dev.modelport.model.protocol.ProtocolExtensions;
import dev.modelport.model.serving.ServingReadiness;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.grpc.server.service.GrpcService;

/**
 * {@code inference.GRPCInferenceService}: the Open Inference Protocol (KServe V2) over gRPC. A thin adapter like
 * the REST controllers: decoding is {@link GrpcTensors}', failures become statuses in {@link GrpcStatuses}, the rest
 * is the engine's. ModelInfer answers from the engine's future, so no gRPC thread waits for a model.
 */
@GrpcService
class GrpcInferenceEndpoint extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    private final InferenceService inference;
    private final ModelMetadataService metadata;
    private final VersionCatalog versions;
    private final ServingReadiness readiness;
    private final DecodeLimits limits;
    private final String serverVersion;

    GrpcInferenceEndpoint(InferenceService inference, ModelMetadataService metadata, VersionCatalog versions,
                          ServingReadiness readiness, DecodeLimits limits, ObjectProvider<BuildProperties> build) {
        this.inference = inference;
        this.metadata = metadata;
        this.versions = versions;
        this.readiness = readiness;
        this.limits = limits;
        BuildProperties properties = build.getIfAvailable();
        this.serverVersion = properties == null ? "dev" : properties.getVersion();
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> response) {
        answer(response, () -> ServerLiveResponse.newBuilder().setLive(true).build());
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> response) {
        answer(response, () -> ServerReadyResponse.newBuilder().setReady(readiness.notReadyReason().isEmpty()).build());
    }

    @Override
    public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> response) {
        answer(response, () -> ServerMetadataResponse.newBuilder().setName("modelport").setVersion(serverVersion)
                .addAllExtensions(ProtocolExtensions.IMPLEMENTED).build());
    }

    /** Whether this worker can run the version now; NOT_FOUND for a model that does not exist. */
    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> response) {
        answer(response, () -> {
            String model = modelName(request.getName(), "name");
            GrpcCallers.current().requireModel(model);
            Integer version = version(request.getVersion(), "version");
            versions.list(model);
            return ModelReadyResponse.newBuilder().setReady(inference.serving(model, version).isPresent()).build();
        });
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> response) {
        answer(response, () -> {
            String model = modelName(request.getName(), "name");
            GrpcCallers.current().requireModel(model);
            Integer version = version(request.getVersion(), "version");
            ModelMetadataService.Metadata described = version == null ? metadata.describe(model)
                    : metadata.describe(model, version);
            ModelMetadataResponse.Builder answer = ModelMetadataResponse.newBuilder()
                    .setName(described.name())
                    .addAllVersions(described.versions())
                    .setPlatform(ModelMetadataService.PLATFORM);
            described.signature().inputs().forEach(input -> answer.addInputs(tensor(input)));
            described.signature().outputs().forEach(output -> answer.addOutputs(tensor(output)));
            return answer.build();
        });
    }

    /** Pinned to {@code model_version}, or routed by the model's rollout when it is empty. */
    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
        ServerCallStreamObserver<ModelInferResponse> call = (ServerCallStreamObserver<ModelInferResponse>) response;
        // a client that gave up just gets nothing: without a handler, answering a cancelled call would throw
        call.setOnCancelHandler(() -> { });
        try {
            String model = modelName(request.getModelName(), "model_name");
            GrpcCallers.current().requireModel(model);
            Integer version = version(request.getModelVersion(), "model_version");
            InferenceRequest decoded = GrpcTensors.decode(request, limits);
            inference.infer(model, version, decoded)
                    .thenApply(GrpcTensors::encode)
                    .whenComplete((answer, failure) -> {
                        if (call.isCancelled()) {
                            return;
                        }
                        if (failure != null) {
                            call.onError(GrpcStatuses.of(failure));
                        } else {
                            call.onNext(answer);
                            call.onCompleted();
                        }
                    });
        } catch (RuntimeException e) {
            call.onError(GrpcStatuses.of(e));
        }
    }

    private static <T> void answer(StreamObserver<T> response, Supplier<T> answer) {
        T value;
        try {
            value = answer.get();
        } catch (RuntimeException e) {
            response.onError(GrpcStatuses.of(e));
            return;
        }
        response.onNext(value);
        response.onCompleted();
    }

    private static String modelName(String name, String field) {
        if (name.isEmpty()) {
            throw new ProtocolException("'" + field + "' is required");
        }
        return name;
    }

    /** Empty means "the server's choice": null, which the engine reads as "by rollout". */
    private static Integer version(String text, String field) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            int version = Integer.parseInt(text);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProtocolException("'" + field + "' must be a version number such as \"1\", not '" + text + "'");
    }

    private static ModelMetadataResponse.TensorMetadata tensor(TensorSpec spec) {
        return ModelMetadataResponse.TensorMetadata.newBuilder()
                .setName(spec.name())
                .setDatatype(spec.datatype())
                .addAllShape(spec.shape())
                .build();
    }
}
