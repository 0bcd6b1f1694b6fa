package dev.modelport.support.audit;

import dev.modelport.support.db.MigrateWhenReachable;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every service with a database the shared audit trail. Its schema has a Flyway
 * history of its own, so each service migrates it safely (Flyway locks the history table)
 * whichever service starts first.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({JdbcClient.class, Flyway.class})
@ConditionalOnBean(DataSource.class)
public class AuditAutoConfiguration {

    static final String SCHEMA = "audit";

    /** Migrated at start, or as soon as PostgreSQL answers when it is down then (records fail until it does). */
    @Bean
    AuditSchema auditSchema(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .table("flyway_schema_history")
                .locations("classpath:db/audit")
                .load();
        MigrateWhenReachable.migrate(flyway, "the audit schema", Duration.ofSeconds(5), () -> { });
        return new AuditSchema();
    }

    @Bean
    AuditLog auditLog(AuditSchema schema, DataSource dataSource, ObjectProvider<JsonMapper> json,
                      ObjectProvider<Clock> clock) {
        return new AuditLog(JdbcClient.create(dataSource), json.getIfAvailable(() -> JsonMapper.builder().build()),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Marks that the audit schema is migrated; {@link AuditLog} depends on it. */
    static final class AuditSchema {
    }
}
