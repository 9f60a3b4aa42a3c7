package org.plenum.topics.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * Decides, before Quarkus starts, where the database is: the configured URLs, or else an embedded PostgreSQL
 * when the build includes one (-Pembedded).
 */
public final class DatabaseBootstrap {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR = "plenum.embedded.data-dir";
    private static final String ZONKY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private DatabaseBootstrap() {
    }

    /**
     * @return false when the service cannot start: no URL configured and no embedded database in this build
     */
    public static boolean prepare() {
        if (isConfigured(REACTIVE_URL) || isConfigured(JDBC_URL)) {
            return true;
        }
        if (!embeddedPostgresAvailable()) {
            System.err.println("topics-service: no database configured. Set QUARKUS_DATASOURCE_REACTIVE_URL "
                    + "(e.g. postgresql://host:5432/topics) and QUARKUS_DATASOURCE_JDBC_URL "
                    + "(jdbc:postgresql://host:5432/topics) with QUARKUS_DATASOURCE_USERNAME/PASSWORD, "
                    + "or build with -Pembedded to run on an embedded PostgreSQL.");
            return false;
        }
        Path dataDir = Path.of(setting(DATA_DIR, defaultDataDir()));
        Map<String, String> datasource = EmbeddedPostgresServer.start(dataDir).datasourceProperties();
        datasource.forEach(System::setProperty);
        return true;
    }

    static String defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".plenum", "data", "topics-service").toString();
    }

    private static boolean isConfigured(String key) {
        String value = setting(key, null);
        return value != null && !value.isBlank();
    }

    /** A setting from a system property or its environment variable (as Quarkus would read it). */
    private static String setting(String key, String fallback) {
        String property = System.getProperty(key);
        if (property != null) {
            return property;
        }
        String env = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        return env != null ? env : fallback;
    }

    private static boolean embeddedPostgresAvailable() {
        try {
            Class.forName(ZONKY_CLASS, false, DatabaseBootstrap.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
