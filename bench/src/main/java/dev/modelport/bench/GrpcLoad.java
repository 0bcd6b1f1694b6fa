package dev.modelport.bench;

import com.google.protobuf.ByteString;
import dev.modelport.model.grpc.v2.GRPCInferenceServiceGrpc;
import dev.modelport.model.grpc.v2.ModelInferRequest;
import dev.modelport.model.grpc.v2.ModelInferResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/** KServe V2 ModelInfer over gRPC with raw_input_contents, the way Triton's clients send tensors. */
final class GrpcLoad implements AutoCloseable {

    private final ManagedChannel channel;
    private final GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub;

    GrpcLoad(String target, String token) {
        this.channel = NettyChannelBuilder.forTarget(target).usePlaintext().maxInboundMessageSize(64 << 20).build();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        this.stub = GRPCInferenceServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    static ModelInferRequest request(String model, String input, float[] data, long[] shape) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        ModelInferRequest.InferInputTensor.Builder tensor = ModelInferRequest.InferInputTensor.newBuilder()
                .setName(input).setDatatype("FP32");
        for (long dim : shape) {
            tensor.addShape(dim);
        }
        return ModelInferRequest.newBuilder().setModelName(model).addInputs(tensor)
                .addRawInputContents(ByteString.copyFrom(raw.array())).build();
    }

    boolean infer(ModelInferRequest request) {
        ModelInferResponse response = stub.withDeadlineAfter(30, TimeUnit.SECONDS).modelInfer(request);
        return response.getRawOutputContentsCount() == 1;
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
