package dev.modelport.auth.users;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the {@code admin} user on first start from {@code MODELPORT_ADMIN_PASSWORD}. An
 * existing admin is left alone: a restart never resets a changed password.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    static final String ADMIN = "admin";

    private final AdminUsers users;
    private final PasswordEncoder encoder;
    private final AdminBootstrapProperties properties;

    BootstrapAdmin(AdminUsers users, PasswordEncoder encoder, AdminBootstrapProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists(ADMIN)) {
            return;
        }
        if (!StringUtils.hasText(properties.adminPassword())) {
            throw new IllegalStateException("set MODELPORT_ADMIN_PASSWORD: the admin user does not exist yet "
                    + "and is created from it (bin/platform generates one)");
        }
        users.createIfAbsent(ADMIN, encoder.encode(properties.adminPassword()));
    }
}
