package dev.modelport.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;

import dev.modelport.auth.AuthServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Resource servers refresh their JWKS now and then; while PostgreSQL is down they must still get the
 * keys, or every worker would start refusing the tokens already handed out.
 */
class SigningKeysOutageTest extends AuthServiceIntegrationTest {

    @MockitoSpyBean
    SigningKeyStore store;

    @Test
    void jwksWhenDatabaseUnreachableThenKeysReadLastStayPublishedWithoutWaitingForIt() throws Exception {
        HttpResponse<String> before = get("/oauth2/jwks");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(read(before.body()).get("keys")).asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty();

        // a database that is gone: the pool holds the read until the test lets it fail
        CountDownLatch poolTimeout = new CountDownLatch(1);
        List<String> readers = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            readers.add(Thread.currentThread().getName());
            poolTimeout.await();
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }).when(store).newest(anyInt());
        try {
            // answered while the read is provably still held: no JWKS call waits for the pool
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> during = get("/oauth2/jwks");
                assertThat(during.statusCode()).isEqualTo(200);
                assertThat(read(during.body())).isEqualTo(read(before.body()));
            }
            assertThat(readers).as("each call read on a reader thread, and none waited for it").hasSize(3)
                    .allMatch(SigningKeys.READER_THREAD::equals);

            poolTimeout.countDown();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> after = get("/oauth2/jwks");
                assertThat(after.statusCode()).isEqualTo(200);
                assertThat(read(after.body())).isEqualTo(read(before.body()));
                assertThat(readers).hasSizeGreaterThan(1);
            });
            assertThat(readers).allMatch(SigningKeys.READER_THREAD::equals);
        } finally {
            poolTimeout.countDown();
            doCallRealMethod().when(store).newest(anyInt());
        }
        // the database is back: the keys are read from it again
        List<String> afterwards = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            afterwards.add(Thread.currentThread().getName());
            return call.callRealMethod();
        }).when(store).newest(anyInt());
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                assertThat(get("/oauth2/jwks").statusCode()).isEqualTo(200);
                assertThat(afterwards).isNotEmpty();
            });
        } finally {
            doCallRealMethod().when(store).newest(anyInt());
        }
    }
}
