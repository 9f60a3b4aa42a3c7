package org.plenum.speakers.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.MongoClientSettings;
import io.quarkus.mongodb.runtime.MongoClientCustomizer;

/** Points the Quarkus MongoDB client at the embedded server when no connection string is configured. */
@ApplicationScoped
public class EmbeddedMongoClientCustomizer implements MongoClientCustomizer {

    private final EmbeddedDatabase embeddedDatabase;

    public EmbeddedMongoClientCustomizer(EmbeddedDatabase embeddedDatabase) {
        this.embeddedDatabase = embeddedDatabase;
    }

    @Override
    public MongoClientSettings.Builder customize(MongoClientSettings.Builder builder) {
        embeddedDatabase.embeddedAddress()
                .ifPresent(address -> builder.applyToClusterSettings(cluster -> cluster.hosts(List.of(address))));
        return builder;
    }
}
