package dev.modelport.support.security;

import java.util.List;
import java.util.Set;

/** The scopes ModelPort's tokens carry and its resource servers understand. */
public final class Scopes {

    public static final String INFER = "models.infer";
    public static final String READ = "models.read";
    public static final String ADMIN = "models.admin";

    /** What an API client may be given, in the order they are shown. */
    public static final List<String> API = List.of(INFER, READ, ADMIN);

    /** As Spring Security authorities ({@code SCOPE_} prefix). */
    public static final String INFER_AUTHORITY = "SCOPE_" + INFER;
    public static final String READ_AUTHORITY = "SCOPE_" + READ;
    public static final String ADMIN_AUTHORITY = "SCOPE_" + ADMIN;

    private static final Set<String> KNOWN = Set.copyOf(API);

    private Scopes() {
    }

    public static boolean isApiScope(String scope) {
        return KNOWN.contains(scope);
    }
}
