import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's databases, as an operator would give them to the packaged subgraphs by URL: a real PostgreSQL 17
 * (zonky binaries) and a MongoDB-wire server (mongo-java-server, in memory). Run as a single-file program:
 * {@code java -cp <gateway test class path> DatabaseServers.java <data dir>}. Prints one line of
 * {@code KEY=value} pairs when both are up, then serves until standard input closes or the process is stopped.
 */
public final class DatabaseServers {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                // the data set is thrown away after the run: durability would only measure the disk
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        int mongoPort = mongo.getLocalAddress().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            try {
                postgres.close();
            } catch (Exception ignored) {
                // the process ends anyway; the data directory is thrown away
            }
        }));
        System.out.println("POSTGRES_JDBC_URL=" + postgres.getJdbcUrl("postgres", "postgres")
                + " MONGODB_URL=mongodb://127.0.0.1:" + mongoPort);
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the harness closes our standard input
        }
        System.exit(0);
    }
}
