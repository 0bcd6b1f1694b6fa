package dev.modelport.admin.audit;

import dev.modelport.admin.platform.PlatformApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriBuilder;

/** The audit trail model-service keeps: newest first, filtered by model, actor and action. */
@Service
public class AuditClient {

    /** One change: who did what to which thing, and its details. */
    public record AuditEntry(long id, Instant time, String actor, String action, String target, String model,
                             Map<String, Object> details) {
    }

    /** One page of entries and how many there are in all. */
    public record AuditPage(List<AuditEntry> records, int page, int size, long total) {
    }

    private final PlatformApi api;

    public AuditClient(PlatformApi api) {
        this.api = api;
    }

    /** @param action an action or its family ({@code login}: every sign-in record); blank: any */
    public AuditPage page(String model, String actor, String action, int page, int size) {
        return api.rest().get().uri(uri -> query(uri.path("/api/audit"), model, actor, action)
                        .queryParam("page", page).queryParam("size", size).build())
                .retrieve().body(AuditPage.class);
    }

    private static UriBuilder query(UriBuilder uri, String model, String actor, String action) {
        if (StringUtils.hasText(model)) {
            uri.queryParam("model", model.strip());
        }
        if (StringUtils.hasText(actor)) {
            uri.queryParam("actor", actor.strip());
        }
        if (StringUtils.hasText(action)) {
            uri.queryParam("action", action.strip());
        }
        return uri;
    }
}
