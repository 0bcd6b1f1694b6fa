package dev.modelport.auth.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.auth.AuthServiceIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ExpiredAuthorizationsTest extends AuthServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void deleteWhenEveryTokenExpiredThenRowGoesOthersStay() throws Exception {
        adminToken();
        long live = count();
        assertThat(live).isPositive();

        assertThat(new ExpiredAuthorizations(jdbc, Clock.systemUTC()).delete()).isZero();
        assertThat(count()).isEqualTo(live);

        Clock muchLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
        new ExpiredAuthorizations(jdbc, muchLater).delete();
        assertThat(count()).isZero();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE access_token_value IS NOT NULL")
                .query(Long.class).single();
    }
}
