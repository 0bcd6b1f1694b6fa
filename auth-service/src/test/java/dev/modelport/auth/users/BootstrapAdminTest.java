package dev.modelport.auth.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.auth.AuthServiceIntegrationTest;
import dev.modelport.auth.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

class BootstrapAdminTest extends AuthServiceIntegrationTest {

    @Autowired
    AdminUsers users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void runWhenAdminExistsThenPasswordLeftAlone() throws Exception {
        new BootstrapAdmin(users, encoder, new AdminBootstrapProperties("another-password"))
                .run(new DefaultApplicationArguments());

        assertThat(Browser.location(new Browser(port).logIn("admin", ADMIN_PASSWORD))).doesNotContain("error");
    }

    @Test
    void runWhenAdminMissingAndPasswordBlankThenFailsNamingTheVariable() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM app_user WHERE username = 'admin'").update();
            assertThatThrownBy(() -> new BootstrapAdmin(users, encoder, new AdminBootstrapProperties(""))
                    .run(new DefaultApplicationArguments()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MODELPORT_ADMIN_PASSWORD");
            status.setRollbackOnly();
        });
        assertThat(users.exists("admin")).isTrue();
    }
}
