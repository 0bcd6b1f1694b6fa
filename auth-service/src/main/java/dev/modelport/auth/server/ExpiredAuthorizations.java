package dev.modelport.auth.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The authorization server stores a row for every token it issues, client_credentials ones
 * included; rows whose every token has expired are deleted hourly.
 */
@Component
class ExpiredAuthorizations {

    /** Kept a while past expiry, so a refresh token used just too late still gets invalid_grant. */
    private static final Duration GRACE = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ExpiredAuthorizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 10, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    int delete() {
        // GREATEST ignores NULLs: a row goes once its last-expiring token has expired
        return jdbc.sql("""
                        DELETE FROM oauth2_authorization WHERE GREATEST(authorization_code_expires_at,
                            access_token_expires_at, refresh_token_expires_at, oidc_id_token_expires_at) < :cutoff""")
                .param("cutoff", OffsetDateTime.ofInstant(Instant.now(clock).minus(GRACE), ZoneOffset.UTC))
                .update();
    }
}
