package org.plenum.topics.graphql;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.plenum.topics.support.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.plenum.topics.support.GraphQL.assertError;
import static org.plenum.topics.support.GraphQL.post;

/**
 * PostgreSQL itself stops a statement past the configured statement_timeout: the client gets TIMEOUT quickly and
 * the service goes on serving. The limit is made tiny here and the query made really heavy (a search over 300,000
 * topics), since the API offers no way to make PostgreSQL wait.
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.TinyStatementTimeout.class)
@WithTestResource(EmbeddedPostgresTestResource.class)
class StatementTimeoutTest {

    public static class TinyStatementTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.additional-properties.statement_timeout", "20");
        }
    }

    @Inject
    AgroalDataSource jdbc;

    @Test
    void aStatementPastTheLimitIsStoppedAndTheServiceGoesOn() throws SQLException {
        try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into topic (title, summary, keywords) select 'Generated topic ' || g, "
                    + "repeat('a long summary ', 20), array['generated'] from generate_series(1, 300000) g");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertError(
                post("{ topics(filter: { search: \"no such words\" }) { totalCount } }"), "topics", "TIMEOUT",
                "time limit"));
        post("{ topic(id: \"1\") { id } }").body("data.topic.id", equalTo("1"));
    }
}
