package dev.modelport.model.web;

import dev.modelport.support.audit.AuditLog;
import dev.modelport.support.security.Reach;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/audit}: the platform's audit trail, newest first, filtered by model, actor and/or
 * action (or its family: {@code login} for every sign-in record). A model-limited caller reads only
 * records about its models and about clients inside its model list; platform-wide records (signing
 * keys, sign-ins, unlimited clients) are for platform admins.
 */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    AuditLog.Page find(@AuthenticationPrincipal Jwt jwt,
                       @RequestParam(required = false) String model, @RequestParam(required = false) String actor,
                       @RequestParam(required = false) String action,
                       @RequestParam(defaultValue = "0") @Min(value = 0, message = "page must be 0 or more") int page,
                       @RequestParam(defaultValue = "50")
                       @Min(value = 1, message = "size must be between 1 and 500")
                       @Max(value = 500, message = "size must be between 1 and 500") int size) {
        return audit.find(new AuditLog.Query(model, actor, action, page, size), Reach.of(jwt).models());
    }
}
