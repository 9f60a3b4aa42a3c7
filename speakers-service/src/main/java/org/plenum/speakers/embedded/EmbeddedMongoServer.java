package org.plenum.speakers.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server in this JVM (mongo-java-server) keeping its data in an H2 file.
 * Only loaded when the embedded libraries are on the class path (tests and {@code -Pembedded} builds).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    static final String DATA_FILE = "speakers.mv.db";

    private final MongoServer server;

    private EmbeddedMongoServer(MongoServer server) {
        this.server = server;
    }

    /** Starts on the given loopback port (0: any free port) with data in {@code dataDir}. */
    public static EmbeddedMongoServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create embedded database directory " + dataDir, e);
        }
        MongoServer server = new MongoServer(new H2Backend(dataDir.resolve(DATA_FILE).toString()));
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server);
    }

    public InetSocketAddress address() {
        return server.getLocalAddress();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address().getPort();
    }

    /** Stops listening and closes the H2 file, flushing what was written. */
    @Override
    public void close() {
        server.shutdown();
    }
}
