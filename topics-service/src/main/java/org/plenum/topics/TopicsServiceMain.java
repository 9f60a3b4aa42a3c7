package org.plenum.topics;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.plenum.topics.embedded.DatabaseBootstrap;

/**
 * Starts the embedded PostgreSQL first when no database URL is configured: the datasources read
 * their URLs while Quarkus starts, so the URLs must exist before {@link Quarkus#run}.
 */
@QuarkusMain
public class TopicsServiceMain {

    public static void main(String... args) {
        if (!DatabaseBootstrap.prepare()) {
            System.exit(1);
        }
        Quarkus.run(args);
    }
}
