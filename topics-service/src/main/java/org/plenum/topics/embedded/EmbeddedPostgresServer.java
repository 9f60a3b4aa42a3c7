package org.plenum.topics.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real PostgreSQL server (zonky binaries) whose data directory is kept and reused across restarts.
 * Only this class touches zonky, so the production build (without zonky) never loads it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free loopback port with its data in {@code dataDir}, creating it on first use. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // zonky wipes its data directory by default; ours must survive restarts
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The Quarkus datasource settings that point both the reactive client and Flyway (JDBC) at this server. */
    public Map<String, String> datasourceProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(DatabaseBootstrap.REACTIVE_URL, "postgresql://127.0.0.1:" + port() + "/" + DATABASE);
        properties.put(DatabaseBootstrap.JDBC_URL, "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE);
        properties.put("quarkus.datasource.username", USER);
        properties.put("quarkus.datasource.password", USER);
        return properties;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
