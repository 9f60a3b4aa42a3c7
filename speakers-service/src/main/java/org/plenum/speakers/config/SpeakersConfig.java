package org.plenum.speakers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** speakers-service's own settings ({@code plenum.*}, documented in README.md) with their defaults. */
@ConfigMapping(prefix = "plenum")
public interface SpeakersConfig {

    TopicsService topicsService();

    SpeakerDeletions speakerDeletions();

    Seed seed();

    Embedded embedded();

    Database database();

    Idempotency idempotency();

    interface TopicsService {

        /** Base URL of topics-service, told to drop a deleted speaker's quotes. */
        @WithDefault("http://localhost:8081")
        String url();

        /** The service token (scope topics:speaker-cleanup) sent with that call; a secret. */
        Optional<String> token();
    }

    interface SpeakerDeletions {

        /** How often clean-ups topics-service has not acknowledged yet are sent again. */
        @WithDefault("10s")
        Duration retryInterval();

        /**
         * How long a deleted speaker still resolves for entity lookups after topics-service removed the quotes: above
         * the gateway's request deadline (30 s), so no query that read a quote before then misses its speaker.
         */
        @WithDefault("60s")
        Duration resolvableFor();
    }

    interface Seed {

        /** Whether the interview's speakers are loaded into a database that never had them. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Embedded {

        /** Where the embedded database keeps its data when no MongoDB URL is set. */
        @WithDefault("${user.home}/.plenum/data/speakers-service")
        Path dataDir();
    }

    interface Database {

        /** Every MongoDB operation ends after this (sent to the server as maxTimeMS); the client gets TIMEOUT. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Idempotency {

        /** How long idempotency keys of createSpeaker are kept; a retry after that creates again. */
        @WithDefault("24h")
        Duration retention();
    }
}
