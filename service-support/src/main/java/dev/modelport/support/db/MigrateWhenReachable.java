package dev.modelport.support.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Flyway migration at start unless PostgreSQL cannot be reached then: a service that starts
 * during a database outage still comes up (a worker serves its local rollout snapshot, the others
 * answer 503 where they need the database) and migrates in the background as soon as the database
 * answers. Any other migration failure (a broken or out-of-order script) still stops the start.
 */
public final class MigrateWhenReachable {

    private static final Logger log = LoggerFactory.getLogger(MigrateWhenReachable.class);

    private MigrateWhenReachable() {
    }

    /**
     * Migrates {@code what} now, or, when the database is unreachable, on a background thread every
     * {@code retryInterval} until it is reachable, then runs {@code afterLateMigration}.
     */
    public static void migrate(Flyway flyway, String what, Duration retryInterval, Runnable afterLateMigration) {
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            if (!unreachable(e)) {
                throw e;
            }
            log.warn("PostgreSQL is unreachable at start ({}); starting without migrating {}, which is migrated "
                    + "as soon as it answers", rootMessage(e), what);
            Thread.ofPlatform().daemon().name("migration-" + what.replace(' ', '-'))
                    .start(() -> migrateLater(flyway, what, retryInterval, afterLateMigration));
        }
    }

    private static void migrateLater(Flyway flyway, String what, Duration retryInterval, Runnable afterLateMigration) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(retryInterval);
                flyway.migrate();
                log.info("PostgreSQL answers again: {} is migrated", what);
                afterLateMigration.run();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!unreachable(e)) {
                    log.error("migrating {} failed; what needs it fails until it is fixed", what, e);
                    return;
                }
                log.debug("PostgreSQL still unreachable ({})", rootMessage(e));
            }
        }
    }

    /** A connection that could not be opened, as opposed to a migration that went wrong. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
