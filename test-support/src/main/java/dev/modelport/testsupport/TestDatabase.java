package dev.modelport.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL that integration tests run against: the server named by
 * {@code MODELPORT_TEST_DB_URL} (CI sets it), or an embedded PostgreSQL started once per JVM.
 * Every {@link #create(String)} returns a new, empty database so test classes never see
 * each other's rows.
 */
public final class TestDatabase {

    /** Where to connect: a JDBC URL and the credentials that go with it. */
    public record Coordinates(String url, String username, String password) {
    }

    private static Coordinates server;

    private TestDatabase() {
    }

    /** Creates a fresh database named {@code <prefix>_<random>} and returns how to reach it. */
    public static Coordinates create(String prefix) {
        Coordinates admin = server();
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(admin.url(), admin.username(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + admin.url(), e);
        }
        // a shared server (CI's) must not fill up with test databases
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
        String url = admin.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Coordinates(url, admin.username(), admin.password());
    }

    private static synchronized Coordinates server() {
        if (server == null) {
            server = fromEnvironment();
        }
        return server;
    }

    private static Coordinates fromEnvironment() {
        String url = System.getenv("MODELPORT_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Coordinates(url,
                    envOr("MODELPORT_TEST_DB_USERNAME", "postgres"),
                    envOr("MODELPORT_TEST_DB_PASSWORD", ""));
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
            return new Coordinates(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL (set MODELPORT_TEST_DB_URL to use a server)", e);
        }
    }

    private static void drop(Coordinates admin, String name) {
        try (Connection connection = DriverManager.getConnection(admin.url(), admin.username(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // best effort while the JVM exits; an embedded server goes away anyway
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the temp directory goes with it
        }
    }
}
