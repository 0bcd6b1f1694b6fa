package dev.modelport.auth.users;

import dev.modelport.support.audit.AuditLog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Console sign-ins in the audit trail: each success, failure and lockout is a record with the
 * name that was tried, the time and the source address. They reach no model, so only platform
 * admins read them ({@code GET /api/audit?action=login}).
 */
@Component
public class SignIns {

    /** Audit actions, one family: {@code action=login} filters all three. */
    public static final String SUCCESS = "login.success";
    public static final String FAILURE = "login.failure";
    public static final String LOCKOUT = "login.lockout";

    /** A name typed into the login form is kept, but not without bound. */
    static final int MAX_NAME_LENGTH = 100;

    private final AuditLog audit;

    SignIns(AuditLog audit) {
        this.audit = audit;
    }

    void succeeded(Authentication attempt) {
        audit.record(name(attempt), SUCCESS, name(attempt), null, source(attempt));
    }

    /** @param reason {@code bad credentials} or {@code locked} (the right password during a lockout) */
    void failed(Authentication attempt, String reason) {
        Map<String, Object> details = source(attempt);
        details.put("reason", reason);
        audit.record(name(attempt), FAILURE, name(attempt), null, details);
    }

    void lockedOut(Authentication attempt, Instant until) {
        Map<String, Object> details = source(attempt);
        details.put("until", until.toString());
        audit.record(name(attempt), LOCKOUT, name(attempt), null, details);
    }

    private static String name(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName();
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }

    private static Map<String, Object> source(Authentication attempt) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            details.put("source", web.getRemoteAddress());
        }
        return details;
    }
}
