package org.plenum.speakers.embedded;

import com.mongodb.MongoClientSettings;
import io.quarkus.mongodb.runtime.MongoClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.speakers.config.SpeakersConfig;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Points the Quarkus MongoDB client at the embedded server when no connection string is configured, and bounds
 * every operation's time ({@code plenum.database.timeout}): the driver sends the remaining time to the server as
 * maxTimeMS, so MongoDB itself stops the work, and the client gets TIMEOUT.
 */
@ApplicationScoped
public class EmbeddedMongoClientCustomizer implements MongoClientCustomizer {

    private final EmbeddedDatabase embeddedDatabase;
    private final Duration operationTimeout;

    public EmbeddedMongoClientCustomizer(EmbeddedDatabase embeddedDatabase,
            SpeakersConfig config) {
        this.embeddedDatabase = embeddedDatabase;
        this.operationTimeout = config.database().timeout();
    }

    @Override
    public MongoClientSettings.Builder customize(MongoClientSettings.Builder builder) {
        embeddedDatabase.embeddedAddress()
                .ifPresent(address -> builder.applyToClusterSettings(cluster -> cluster.hosts(List.of(address))));
        return builder.timeout(operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
