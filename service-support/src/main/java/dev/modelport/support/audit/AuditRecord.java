package dev.modelport.support.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change to the platform: who did what to which target, when, with the details
 * (before/after values and the like).
 *
 * @param model the model the change concerns, when it concerns one (for filtering)
 * @param reach the models the change reaches (its model, or a client's model list); null: platform-wide
 */
public record AuditRecord(long id, Instant time, String actor, String action, String target, String model,
                          List<String> reach, Map<String, Object> details) {
}
