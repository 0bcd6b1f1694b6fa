package dev.modelport.auth.users;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts consecutive failed logins per user and locks the user for a while once there are
 * too many. Kept in the database, so every auth-service instance sees the same count.
 */
@Repository
public class FailedLogins {

    private final JdbcClient jdbc;
    private final LoginProperties properties;
    private final Clock clock;

    FailedLogins(JdbcClient jdbc, LoginProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    boolean isLocked(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :username AND locked_until > :now")
                .param("username", username).param("now", now())
                .query(Long.class).single() > 0;
    }

    /**
     * One more failure; the one that reaches the limit locks the user and starts a new count.
     *
     * @return until when the user is locked, if this failure locked it (empty for an unknown user too)
     */
    Optional<Instant> recordFailure(String username) {
        Instant lockedUntil = Instant.now(clock).plus(properties.lockoutDuration());
        // failed_logins is 0 after the update only when this failure locked the user
        return jdbc.sql("""
                        UPDATE app_user SET
                            locked_until = CASE WHEN failed_logins + 1 >= :max THEN :lockedUntil ELSE locked_until END,
                            failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END
                        WHERE username = :username
                        RETURNING failed_logins = 0""")
                .param("max", properties.maxFailedLogins())
                .param("lockedUntil", OffsetDateTime.ofInstant(lockedUntil, ZoneOffset.UTC))
                .param("username", username)
                .query(Boolean.class).optional()
                .filter(Boolean::booleanValue)
                .map(locked -> lockedUntil);
    }

    void reset(String username) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = :username")
                .param("username", username)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
