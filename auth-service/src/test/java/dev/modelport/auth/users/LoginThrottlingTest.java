package dev.modelport.auth.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.auth.AuthServiceIntegrationTest;
import dev.modelport.auth.Browser;
import dev.modelport.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
