package dev.modelport.auth.clients;

import java.util.Set;

/** The scopes ModelPort's resource servers understand. */
final class Scopes {

    static final String INFER = "models.infer";
    static final String READ = "models.read";
    static final String ADMIN = "models.admin";

    /** What an API client may be given. */
    static final Set<String> API = Set.of(INFER, READ, ADMIN);

    private Scopes() {
    }
}
