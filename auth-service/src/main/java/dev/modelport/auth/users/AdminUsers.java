package dev.modelport.auth.users;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table: admins and their password hashes. */
@Repository
public class AdminUsers implements UserDetailsService {

    static final String ADMIN_ROLE = "ADMIN";

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, enabled FROM app_user WHERE username = :username")
                .param("username", username)
                .query((row, n) -> User.withUsername(row.getString("username"))
                        .password(row.getString("password_hash"))
                        .disabled(!row.getBoolean("enabled"))
                        .roles(ADMIN_ROLE)
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    /** Adds a user unless one with that name exists; true when it added one. */
    boolean createIfAbsent(String username, String passwordHash) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, created_at)
                        VALUES (:username, :hash, :now) ON CONFLICT (username) DO NOTHING""")
                .param("username", username)
                .param("hash", passwordHash)
                .param("now", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .update() == 1;
    }
}
