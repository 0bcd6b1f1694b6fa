package dev.modelport.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * One access rule: the token must carry one of the scopes and, when the path names a model
 * (the {@code {model}} variable) and the token lists {@code models}, that model must be on the
 * list; a platform-only rule also refuses any token that lists {@code models}. Denials carry
 * their reason to the 403 body. The services behind check the same again.
 */
final class ClientAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    static final String MODEL_VARIABLE = "model";

    private final Set<String> scopes;
    private final String platformOnly;

    private ClientAccess(Set<String> scopes, String platformOnly) {
        this.scopes = scopes;
        this.platformOnly = platformOnly;
    }

    static ClientAccess anyScope(String... scopes) {
        return new ClientAccess(Set.of(scopes), null);
    }

    /** {@code models.admin} over every model; {@code what} names the thing in the 403. */
    static ClientAccess platformAdmin(String what) {
        return new ClientAccess(Set.of(GatewaySecurity.ADMIN), what);
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .filter(Authentication::isAuthenticated)
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .flatMap(token -> decide(token, (String) context.getVariables().get(MODEL_VARIABLE)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private Mono<AuthorizationResult> decide(JwtAuthenticationToken token, String model) {
        if (!hasAnyScope(token.getAuthorities())) {
            return Mono.error(new AccessDeniedException("this needs scope " + String.join(" or ", sorted(scopes))));
        }
        List<String> allowed = token.getToken().getClaimAsStringList("models");
        if (platformOnly != null && allowed != null) {
            return Mono.error(new AccessDeniedException(platformOnly + " is for platform admins only: this token is"
                    + " limited to models " + allowed.stream().sorted().toList()));
        }
        if (model != null && allowed != null && !allowed.contains(model)) {
            return Mono.error(new AccessDeniedException("this client may not use model '" + model + "'"));
        }
        return Mono.just(new AuthorizationDecision(true));
    }

    private boolean hasAnyScope(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.startsWith("SCOPE_") && scopes.contains(authority.substring(6)));
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
