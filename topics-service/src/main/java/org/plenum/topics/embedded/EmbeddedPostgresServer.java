package org.plenum.topics.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server (zonky binaries) whose data directory is kept and reused across restarts, durable
 * (zonky's test defaults switch fsync and synchronous commit off; acknowledged writes must survive a crash here).
 * Only this class touches zonky, so the production build (without zonky) never loads it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    /** How long a PostgreSQL left running on the same data directory gets to shut down before it is killed. */
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on a free loopback port with its data in {@code dataDir}, creating it on first use. A server
     * still running on that directory (left behind when the service was killed) is shut down first.
     */
    public static EmbeddedPostgresServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            stopLeftOverServer(dataDir.toAbsolutePath());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // zonky wipes its data directory by default; ours must survive restarts
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * The server named in {@code postmaster.pid}, if it still runs: a {@code kill -9} of the service leaves its
     * PostgreSQL child running and holding the directory, and a new server could not start. A process that is not a
     * PostgreSQL server on this directory (the pid reused since) is left alone; PostgreSQL handles a stale file itself.
     */
    private static void stopLeftOverServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<ProcessHandle> server;
        try {
            server = Files.exists(pidFile)
                    ? Files.readAllLines(pidFile).stream().findFirst().map(String::trim).filter(pid -> pid.matches("\\d+"))
                            .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                            .filter(process -> isPostgresOn(process, dataDir))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
        server.ifPresent(process -> {
            LOG.warnf("PostgreSQL (pid %d) still runs on %s, left by an earlier run; shutting it down", process.pid(),
                    dataDir);
            process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, its clients died with the earlier service
            try {
                process.onExit().get(ORPHAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warnf("PostgreSQL (pid %d) did not stop within %s; killing it (it recovers from its WAL)",
                        process.pid(), ORPHAN_SHUTDOWN);
                process.destroyForcibly();
                process.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL to stop", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not wait for PostgreSQL to stop", e);
            }
        });
    }

    private static boolean isPostgresOn(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        return info.command().map(command -> command.endsWith("postgres")).orElse(false)
                && info.commandLine().map(line -> line.contains(dataDir.toString())).orElse(false);
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
