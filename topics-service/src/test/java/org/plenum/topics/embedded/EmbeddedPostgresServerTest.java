package org.plenum.topics.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local run's database: durable, and startable again at once after the service was killed with -9. */
class EmbeddedPostgresServerTest {

    private static final String READY = "written";

    @TempDir
    Path dataDir;

    @Test
    void aServiceKilledWithItsDatabaseRunningCanStartAgainWithItsData() throws Exception {
        // a service process that writes a row and is then killed, leaving its PostgreSQL running on the directory
        String java = ProcessHandle.current().info().command().orElse("java");
        Process service = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledService.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(READY)) {
                // zonky's start-up output
            }
            assertEquals(READY, line, "the service did not write its row");
        }
        service.destroyForcibly(); // kill -9: no shutdown hook stops PostgreSQL
        assertTrue(service.waitFor(10, TimeUnit.SECONDS));

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir);
                Connection connection = connect(again); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from kept")) {
            assertTrue(rows.next(), "the acknowledged row survived");
            assertEquals(42, rows.getInt(1));
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.datasourceProperties().get(DatabaseBootstrap.JDBC_URL),
                "postgres", "postgres");
    }

    /** Starts the database, commits a row, checks durability is on, says so, and waits to be killed. */
    public static final class KilledService {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
            try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
                statement.execute("create table kept (id int)");
                statement.execute("insert into kept values (42)");
                for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                    try (ResultSet value = statement.executeQuery("show " + setting)) {
                        value.next();
                        if (!value.getString(1).equals("on")) {
                            throw new IllegalStateException(setting + " is " + value.getString(1));
                        }
                    }
                }
            }
            System.out.println(READY);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
