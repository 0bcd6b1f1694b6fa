package dev.modelport.model.grpc;

import dev.modelport.support.security.Reach;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.springframework.core.Ordered;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Puts the {@link Reach} of an authenticated call into its gRPC {@link Context}, where the endpoint finds it on
 * whatever thread runs the call. Runs inside {@link GrpcAuthentication}'s interceptor, which has validated the token.
 */
final class GrpcCallers implements ServerInterceptor, Ordered {

    private static final Context.Key<Reach> CALLER = Context.key("modelport-caller");

    /** The caller of the current call; UNAUTHENTICATED when the call carried no valid token. */
    static Reach current() {
        Reach caller = CALLER.get();
        if (caller == null) {
            throw Status.UNAUTHENTICATED.withDescription("a valid bearer token is required").asRuntimeException();
        }
        return caller;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        SecurityContext security = GrpcSecurity.SECURITY_CONTEXT_KEY.get();
        Authentication authentication = security == null ? null : security.getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return next.startCall(call, headers);
        }
        Context context = Context.current().withValue(CALLER, Reach.of(token.getToken()));
        return Contexts.interceptCall(context, call, headers, next);
    }

    /** After Spring gRPC's authentication interceptor (order -10), which sets the security context. */
    @Override
    public int getOrder() {
        return 0;
    }
}
