package dev.modelport.support.audit;

import java.time.Clock;
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

    @Bean
    AuditSchema auditSchema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .table("flyway_schema_history")
                .locations("classpath:db/audit")
                .load()
                .migrate();
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
