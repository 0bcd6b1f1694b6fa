package dev.modelport.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Runs PostgreSQL from the zonky binaries with its data kept in a directory of ours, so a
 * bare machine with only a JDK gets the real engine and a second start finds its data again.
 * Usage: {@code java -jar embedded-db.jar <data-dir> <port> <database>}. Prints {@code READY <jdbc-url>}
 * once the database accepts connections, and stops PostgreSQL when this process is stopped.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: embedded-db <data-dir> <port> <database>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String database = args[2];
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            System.err.println("database name must match [a-z][a-z0-9_]*: " + database);
            System.exit(2);
        }
        Files.createDirectories(dataDir);
        Path binaries = dataDir.resolveSibling(dataDir.getFileName() + "-binaries");
        Path unpacked = binaries.resolve(".unpacked");
        if (Files.exists(binaries) && !Files.exists(unpacked)) {
            // an earlier start died while unpacking: the half-written binaries would fail every later start
            System.err.println("removing incompletely unpacked PostgreSQL binaries in " + binaries);
            deleteTree(binaries);
        }
        Files.createDirectories(binaries);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        Files.writeString(unpacked, "");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));

        createDatabaseIfAbsent(postgres.getJdbcUrl("postgres", "postgres"), database);
        System.out.println("READY " + postgres.getJdbcUrl("postgres", database));
        System.out.flush();
        stopped.await();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void createDatabaseIfAbsent(String adminUrl, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        }
    }
}
