package dev.modelport.model.security;

/** The scopes auth-service grants, as Spring Security authorities. */
final class Scopes {

    static final String INFER = "SCOPE_models.infer";
    static final String READ = "SCOPE_models.read";
    static final String ADMIN = "SCOPE_models.admin";

    private Scopes() {
    }
}
