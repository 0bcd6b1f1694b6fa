package dev.modelport.auth.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.auth.AuthServiceIntegrationTest;
import dev.modelport.auth.Browser;
import dev.modelport.support.audit.AuditLog;
import dev.modelport.support.audit.AuditRecord;
import dev.modelport.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class LoginThrottlingTest extends AuthServiceIntegrationTest {

    @Autowired
    AdminUsers users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    @Test
    void loginWhenTooManyFailuresThenLockedWithTheWrongPasswordAnswer() throws Exception {
        users.createIfAbsent("locked-out", encoder.encode("right-password"));
        Browser browser = new Browser(port);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(Browser.location(browser.logIn("locked-out", "wrong-" + attempt))).endsWith("/login?error");
        }
        HttpResponse<String> locked = browser.logIn("locked-out", "right-password");

        assertThat(locked.statusCode()).isEqualTo(302);
        assertThat(Browser.location(locked)).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Invalid username or password.")
                .doesNotContainIgnoringCase("locked");

        jdbc.sql("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = 'locked-out'").update();
        assertThat(Browser.location(new Browser(port).logIn("locked-out", "right-password"))).doesNotContain("error");
    }

    @Test
    void loginWhenFailedLockedAndSucceededThenEachAttemptIsAnAuditRecordWithItsSource() throws Exception {
        users.createIfAbsent("audited", encoder.encode("right-password"));
        Browser browser = new Browser(port);
        Instant before = Instant.now();
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.logIn("audited", "wrong-" + attempt);
        }
        browser.logIn("audited", "right-password");
        jdbc.sql("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = 'audited'").update();
        new Browser(port).logIn("audited", "right-password");

        List<AuditRecord> records = signIns("audited").reversed();
        assertThat(records).extracting(AuditRecord::action).containsExactly(
                "login.failure", "login.failure", "login.failure", "login.failure", "login.failure", "login.lockout",
                "login.failure", "login.success");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.actor()).isEqualTo("audited");
            assertThat(record.time()).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(record.details()).containsEntry("source", "127.0.0.1");
            assertThat(record.model()).isNull();
            assertThat(record.reach()).as("platform admins only").isNull();
            assertThat(record.details().toString()).doesNotContain("wrong-", "right-password");
        });
        assertThat(records.get(0).details()).containsEntry("reason", "bad credentials");
        assertThat(records.get(5).details()).containsKey("until");
        assertThat(Instant.parse((String) records.get(5).details().get("until")))
                .isAfter(Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(records.get(6).details()).as("the right password during the lockout").containsEntry("reason", "locked");
        assertThat(audit.find(new AuditLog.Query(null, "audited", "login", 0, 50), Optional.of(Set.of("iris"))).records())
                .as("a model admin reads no sign-ins").isEmpty();
    }

    @Test
    void loginWhenUnknownOrVeryLongNameThenFailureRecordedWithTheNameCut() throws Exception {
        String longName = "x".repeat(500);
        new Browser(port).logIn(longName, "whatever");

        List<AuditRecord> records = signIns("x".repeat(SignIns.MAX_NAME_LENGTH));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("login.failure");
            assertThat(record.details()).containsEntry("reason", "bad credentials");
        });
    }

    private List<AuditRecord> signIns(String actor) {
        return audit.find(new AuditLog.Query(null, actor, "login", 0, 50)).records();
    }

    @Test
    void loginWhenSuccessBeforeLimitThenCountStartsOver() throws Exception {
        users.createIfAbsent("forgetful", encoder.encode("right-password"));
        Browser browser = new Browser(port);
        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.logIn("forgetful", "wrong");
        }
        assertThat(Browser.location(browser.logIn("forgetful", "right-password"))).doesNotContain("error");

        Browser next = new Browser(port);
        for (int attempt = 1; attempt <= 4; attempt++) {
            next.logIn("forgetful", "wrong");
        }
        assertThat(Browser.location(next.logIn("forgetful", "right-password"))).doesNotContain("error");
    }

    @Test
    void failuresWhenLimitAndLockoutConfiguredThenThoseApply() {
        users.createIfAbsent("configured", encoder.encode("right-password"));
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        FailedLogins strict = new FailedLogins(jdbc, new LoginProperties(2, Duration.ofMinutes(3)), clock);

        strict.recordFailure("configured");
        assertThat(strict.isLocked("configured")).as("one failure of two").isFalse();
        strict.recordFailure("configured");
        assertThat(strict.isLocked("configured")).as("two failures of two").isTrue();

        clock.advance(Duration.ofMinutes(3).minusSeconds(1));
        assertThat(strict.isLocked("configured")).as("just inside three minutes").isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(strict.isLocked("configured")).as("after three minutes").isFalse();
    }

    @Test
    void loginWhenUnknownUserThenSameAnswerAsWrongPassword() throws Exception {
        assertThat(Browser.location(new Browser(port).logIn("nobody", "whatever"))).endsWith("/login?error");
    }

    @Test
    void adminWhenStoredThenPasswordIsBcryptHashed() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
    }
}
