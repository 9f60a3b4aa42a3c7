package org.plenum.topics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * topics-service's own settings ({@code plenum.*}, documented in README.md) with their defaults. The embedded
 * database's {@code plenum.embedded.data-dir} is read before Quarkus starts, see
 * {@link org.plenum.topics.embedded.DatabaseBootstrap}.
 */
@ConfigMapping(prefix = "plenum")
public interface TopicsConfig {

    SpeakersService speakersService();

    Seed seed();

    Idempotency idempotency();

    interface SpeakersService {

        /** Base URL of speakers-service, asked by addQuote whether a speaker exists. */
        @WithDefault("http://localhost:8082")
        String url();
    }

    interface Seed {

        /** Whether the interview's topics and quotes are loaded into a database that never had them. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Idempotency {

        /** How long idempotency keys of createTopic/addQuote are kept; a retry after that creates again. */
        @WithDefault("24h")
        Duration retention();
    }
}
