package dev.modelport.model.web;

import dev.modelport.support.audit.AuditLog;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/audit}: the platform's audit trail, newest first, filtered by model and/or actor. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    AuditLog.Page find(@RequestParam(required = false) String model, @RequestParam(required = false) String actor,
                       @RequestParam(defaultValue = "0") @Min(value = 0, message = "page must be 0 or more") int page,
                       @RequestParam(defaultValue = "50")
                       @Min(value = 1, message = "size must be between 1 and 500")
                       @Max(value = 500, message = "size must be between 1 and 500") int size) {
        return audit.find(model, actor, page, size);
    }
}
