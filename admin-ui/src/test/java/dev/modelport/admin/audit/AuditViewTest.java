package dev.modelport.admin.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.audit.AuditClient.AuditEntry;
import dev.modelport.admin.audit.AuditClient.AuditPage;
import dev.modelport.admin.platform.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class AuditViewTest {

    /** What the view asked for: model, actor and action filters, page and size. */
    record Request(String model, String actor, String action, int page, int size) {
    }

    private final List<Request> requests = new ArrayList<>();
    private List<AuditEntry> trail = List.of();
    private ApiException failure;
    private final AuditClient audit = new AuditClient(null) {
        @Override
        public AuditPage page(String model, String actor, String action, int page, int size) {
            requests.add(new Request(model, actor, action, page, size));
            if (failure != null) {
                throw failure;
            }
            List<AuditEntry> matching = trail.stream()
                    .filter(entry -> model.isBlank() || model.equals(entry.model()))
                    .filter(entry -> actor.isBlank() || actor.equals(entry.actor()))
                    .filter(entry -> action.isBlank() || entry.action().equals(action) || entry.action().startsWith(action + "."))
                    .toList();
            List<AuditEntry> onPage = matching.stream().skip((long) page * size).limit(size).toList();
            return new AuditPage(onPage, page, size, matching.size());
        }
    };
    private AuditView view;

    @Test
    void fetchWhenRowsSpanTwoApiPagesThenAsksForBothAndKeepsOrder() {
        trail = entries(120, "iris", "admin");
        view = new AuditView(audit);

        assertThat(GridKt._size(view.records)).isEqualTo(120);
        requests.clear();
        List<AuditEntry> shown = GridKt._fetch(view.records, 40, 20);

        assertThat(shown).extracting(AuditEntry::id).containsExactlyElementsOf(LongStream.range(40, 60).boxed().toList());
        assertThat(requests).containsExactly(new Request("", "", "", 0, AuditView.PAGE_SIZE),
                new Request("", "", "", 1, AuditView.PAGE_SIZE));
    }

    @Test
    void fetchWhenLastPageThenAsksForItOnly() {
        trail = entries(120, "iris", "admin");
        view = new AuditView(audit);
        requests.clear();

        List<AuditEntry> shown = GridKt._fetch(view.records, 100, 50);

        assertThat(shown).extracting(AuditEntry::id).containsExactlyElementsOf(LongStream.range(100, 120).boxed().toList());
        assertThat(requests).containsExactly(new Request("", "", "", 2, AuditView.PAGE_SIZE));
    }

    @Test
    void filtersWhenSetThenModelAndActorPassedToClient() {
        List<AuditEntry> all = new ArrayList<>(entries(3, "iris", "admin"));
        all.add(new AuditEntry(99, Instant.EPOCH, "ci-bot", "version.upload", "fraud:2", "fraud", Map.of()));
        trail = all;
        view = new AuditView(audit);

        _setValue(view.model, "fraud");
        _setValue(view.actor, "ci-bot");
        requests.clear();

        assertThat(GridKt._size(view.records)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.records, 0)).contains("ci-bot", "version.upload", "fraud:2");
        assertThat(requests).isNotEmpty().allSatisfy(request -> {
            assertThat(request.model()).isEqualTo("fraud");
            assertThat(request.actor()).isEqualTo("ci-bot");
        });
    }

    @Test
    void kindWhenSignInsChosenThenOnlyLoginRecordsAskedForAndShown() {
        List<AuditEntry> all = new ArrayList<>(entries(3, "iris", "admin"));
        all.add(new AuditEntry(97, Instant.EPOCH, "admin", "login.success", "admin", null, Map.of("source", "10.0.0.7")));
        all.add(new AuditEntry(98, Instant.EPOCH, "mallory", "login.failure", "mallory", null,
                Map.of("source", "10.0.0.9", "reason", "bad credentials")));
        all.add(new AuditEntry(99, Instant.EPOCH, "mallory", "login.lockout", "mallory", null,
                Map.of("source", "10.0.0.9", "until", "2026-12-03T08:15:00Z")));
        trail = all;
        view = new AuditView(audit);
        assertThat(view.kind.getValue()).isEqualTo(AuditView.Kind.ALL);
        assertThat(GridKt._size(view.records)).isEqualTo(6);

        _setValue(view.kind, AuditView.Kind.SIGN_INS);
        requests.clear();

        assertThat(GridKt._size(view.records)).isEqualTo(3);
        assertThat(String.join(" ", GridKt._getFormattedRow(view.records, 2))).contains("mallory", "login.lockout", "10.0.0.9");
        assertThat(requests).isNotEmpty().allSatisfy(request -> assertThat(request.action()).isEqualTo("login"));

        _setValue(view.kind, AuditView.Kind.ROLLOUTS);
        assertThat(GridKt._size(view.records)).isEqualTo(3);
        _setValue(view.kind, AuditView.Kind.KEYS);
        assertThat(GridKt._size(view.records)).isZero();
        assertThat(view.emptyState.getText()).startsWith("No audit records match these filters.");
    }

    @Test
    void viewWhenNoRecordsYetThenEmptyStateSaysWhatFillsIt() {
        view = new AuditView(audit);

        assertThat(GridKt._size(view.records)).isZero();
        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyState.getText()).startsWith("No audit records yet.");
    }

    @Test
    void viewWhenFiltersMatchNothingThenEmptyStateSaysClearAFilter() {
        trail = entries(3, "iris", "admin");
        view = new AuditView(audit);

        _setValue(view.actor, "nobody");
        GridKt._size(view.records);

        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyState.getText()).startsWith("No audit records match these filters.")
                .contains("clear a filter");

        _setValue(view.actor, "");
        GridKt._size(view.records);
        assertThat(view.emptyState.isVisible()).isFalse();
    }

    @Test
    void viewWhenApiRefusesThenItsErrorAndNoEmptyState() {
        failure = new ApiException(403, "the token's scopes do not allow this request");
        view = new AuditView(audit);

        assertThat(GridKt._size(view.records)).isZero();
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("the token's scopes do not allow this request");
        assertThat(view.emptyState.isVisible()).isFalse();
    }

    /** Newest first, as the API answers: id 0 is the newest. */
    private static List<AuditEntry> entries(int count, String model, String actor) {
        return LongStream.range(0, count)
                .mapToObj(id -> new AuditEntry(id, Instant.EPOCH.plusSeconds(count - id), actor, "rollout.changed",
                        model, model, Map.of("after", Map.of("production", 1))))
                .toList();
    }
}
