package org.plenum.topics.embedded;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The covering indexes (V3) on a database that already holds data, as an upgrade meets it. */
class SchemaMigrationsTest {

    private static final List<String> INDEXES_AFTER_V3 = List.of("quote_id_speaker_id_idx", "quote_pkey",
            "quote_speaker_id_id_idx", "quote_topic_pkey", "quote_topic_topic_id_quote_id_idx");

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseWithDataGetsTheCoveringIndexesAndKeepsItsRows() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
                Connection connection = connect(server); Statement sql = connection.createStatement()) {
            migrate(server, "2");
            sql.execute("insert into topic (title) values ('a'), ('b')");
            sql.execute("insert into quote (text, speaker_id) values ('x', 's1'), ('y', 's2')");
            sql.execute("insert into quote_topic select q.id, t.id from quote q, topic t");
            migrate(server, "latest");
            assertEquals(INDEXES_AFTER_V3, indexes(sql));
            assertEquals(4, count(sql, "select count(*) from quote_topic"));
        }
    }

    @Test
    void indexesAnOperatorBuiltBeforehandAreKept() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
                Connection connection = connect(server); Statement sql = connection.createStatement()) {
            migrate(server, "2");
            sql.execute("create index concurrently quote_topic_topic_id_quote_id_idx on quote_topic (topic_id, quote_id)");
            migrate(server, "latest");
            assertEquals(INDEXES_AFTER_V3, indexes(sql));
        }
    }

    private static void migrate(EmbeddedPostgresServer server, String target) {
        Flyway.configure().dataSource(url(server), "postgres", "postgres").locations("classpath:db/migration")
                .target(target).load().migrate();
    }

    private static List<String> indexes(Statement sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select indexname from pg_indexes "
                + "where tablename in ('quote', 'quote_topic') order by indexname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static int count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String url(EmbeddedPostgresServer server) {
        return server.datasourceProperties().get(DatabaseBootstrap.JDBC_URL);
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(url(server), "postgres", "postgres");
    }
}
