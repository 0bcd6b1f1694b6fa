package dev.modelport.model.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;

/** A worker whose database is gone, or that is shutting down, tells probes it must not get traffic. */
class ServingReadinessTest {

    @Test
    void notReadyReasonWhenDatabaseUnreachableThenNamesDatabase() {
        ServingReadiness readiness = new ServingReadiness(accepting(ReadinessState.ACCEPTING_TRAFFIC), unreachable(), () -> true);
        assertThat(readiness.notReadyReason()).hasValueSatisfying(reason -> assertThat(reason).contains("database"));
    }

    @Test
    void notReadyReasonWhenRefusingTrafficThenSaysSo() {
        ServingReadiness readiness = new ServingReadiness(accepting(ReadinessState.REFUSING_TRAFFIC), unreachable(), () -> true);
        assertThat(readiness.notReadyReason()).hasValueSatisfying(reason -> assertThat(reason).contains("REFUSING_TRAFFIC"));
    }

    private static ApplicationAvailability accepting(ReadinessState state) {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        StaticApplicationContext context = new StaticApplicationContext();
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, state));
        return availability;
    }

    /** A database that refuses every connection, as one that is down does. */
    private static DataSource unreachable() {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("Connection refused");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
