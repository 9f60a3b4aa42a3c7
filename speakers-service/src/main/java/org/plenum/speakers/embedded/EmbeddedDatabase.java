package org.plenum.speakers.embedded;

import com.mongodb.ServerAddress;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.plenum.speakers.config.SpeakersConfig;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides where MongoDB is: at {@code quarkus.mongodb.connection-string} when set, otherwise in an embedded
 * server started here on a free loopback port with its data in {@code plenum.embedded.data-dir}.
 */
@ApplicationScoped
public class EmbeddedDatabase {

    static final String MISSING_DATABASE = "No MongoDB configured: set QUARKUS_MONGODB_CONNECTION_STRING "
            + "(e.g. mongodb://user:password@mongo:27017), or build with -Pembedded to use the embedded database.";
    private static final String SERVER_CLASS = "de.bwaldvogel.mongo.MongoServer";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final boolean external;
    private final Path dataDir;
    private AutoCloseable server;
    private ServerAddress address;

    public EmbeddedDatabase(@ConfigProperty(name = "quarkus.mongodb.connection-string") Optional<String> connectionString,
            SpeakersConfig config) {
        this.external = connectionString.filter(url -> !url.isBlank()).isPresent();
        this.dataDir = config.embedded().dataDir();
    }

    /**
     * Fails the start at once, with a clear message, when there is neither a URL nor an embedded server;
     * runs before other startup work such as the scheduler.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        embeddedAddress();
    }

    /** The embedded server's address, starting it on first use; empty when an external MongoDB is configured. */
    public synchronized Optional<ServerAddress> embeddedAddress() {
        if (external) {
            return Optional.empty();
        }
        if (address == null) {
            requireEmbeddedLibraries();
            EmbeddedMongoServer embedded = EmbeddedMongoServer.start(dataDir.toAbsolutePath(), 0);
            server = embedded;
            address = new ServerAddress(embedded.address().getHostString(), embedded.address().getPort());
            LOG.infof("Embedded MongoDB-wire database at %s, data in %s", address, dataDir.toAbsolutePath());
        }
        return Optional.of(address);
    }

    @PreDestroy
    synchronized void stop() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static void requireEmbeddedLibraries() {
        try {
            Class.forName(SERVER_CLASS, false, EmbeddedDatabase.class.getClassLoader());
        } catch (ClassNotFoundException notPackaged) {
            throw new ConfigurationException(MISSING_DATABASE);
        }
    }
}
