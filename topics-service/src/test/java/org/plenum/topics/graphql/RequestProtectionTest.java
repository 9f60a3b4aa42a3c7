package org.plenum.topics.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenum.topics.support.EmbeddedPostgresTestResource;

import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.plenum.topics.support.GraphQL.post;
import static org.plenum.topics.support.GraphQL.sqlStatementsExecuted;

/**
 * The attacks anyone the network lets through could send straight to this subgraph: each is refused quickly with a
 * code, without database work where it can be known in advance, and the service keeps answering.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class RequestProtectionTest {

    // generous: the first requests of a cold JVM on a busy 2-core machine take seconds; a missing limit takes minutes
    private static final Duration FAST = Duration.ofSeconds(20);
    private static final String CREATE = "mutation { createTopic(input: { title: \"Written by a forged request\" }) { id } }";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aDepth17QueryIsRefusedBeforeItRuns() {
        String query = "{ topics(first: 100) { edges { node { " + "speakers { topics { ".repeat(7) + "id"
                + " } }".repeat(7) + " } } } }";
        refusedWithoutDatabaseWork(() -> post(query), "QUERY_TOO_DEEP");
    }

    @Test
    void threeHundredAliasedPagesAreRefusedBeforeTheyRun() {
        String query = IntStream.range(0, 300).mapToObj(i -> "t" + i + ": topics(first: 100) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        refusedWithoutDatabaseWork(() -> post(query), "TOO_MANY_ALIASES");
    }

    @Test
    void fiftyThousandRepresentationsAreRefusedBeforeTheyAreRead() {
        String body = entitiesRequest(50_000);
        long statements = sqlStatementsExecuted(management);
        assertTimeoutPreemptively(FAST, () -> given().contentType("application/json").body(body).post("/graphql"))
                .then().statusCode(413)
                .body("errors[0].extensions.code", equalTo("REQUEST_TOO_LARGE"));
        assertEquals(statements, sqlStatementsExecuted(management));
        stillServing();
    }

    @Test
    void moreRepresentationsThanTheCapAreRefusedBeforeTheDatabase() {
        String body = entitiesRequest(1001);
        refusedWithoutDatabaseWork(() -> given().contentType("application/json").body(body).post("/graphql")
                .then().statusCode(200), "TOO_MANY_ENTITIES");
    }

    /** An _entities request for topic 1, this many times, as JSON. */
    private static String entitiesRequest(int representations) {
        return "{\"query\":\"query($r: [_Any!]!) { _entities(representations: $r) { ... on Topic { id } } }\","
                + "\"variables\":{\"r\":[" + String.join(",", Collections.nCopies(representations,
                        "{\"__typename\":\"Topic\",\"id\":\"1\"}")) + "]}}";
    }

    @Test
    void aThousandRepresentationsAreServed() {
        given().contentType("application/json").body(entitiesRequest(1000)).post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data._entities.size()", equalTo(1000));
    }

    @Test
    void fanOutThroughTheDataStopsAtTheResolvedFieldBudget() {
        // 15 topics, each with the one speaker quoted on them, who speaks on 15 topics...: 15^6 topics at depth 15
        String query = "{ topics(first: 100) { edges { node { " + "speakers { topics { ".repeat(5) + "id"
                + " } }".repeat(5) + " } } } }";
        ValidatableResponse response = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> post(query));
        response.body("errors.size()", equalTo(1))
                // whichever bound it reaches first on this machine: the resolved values or the time
                .body("errors[0].extensions.code", anyOf(equalTo("RESULT_TOO_LARGE"), equalTo("TIMEOUT")))
                .body("data", nullValue());
        stillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
            "application/jsonfoo", "application/graphql" })
    void aPostThatIsNotJsonIsRefusedAndWritesNothing(String contentType) {
        long topics = topicCount();
        given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(contentType, ContentType.TEXT)))
                .contentType(contentType)
                .body("{\"query\":\"" + CREATE.replace("\"", "\\\"") + "\"}")
                .post("/graphql")
                .then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        assertEquals(topics, topicCount());
    }

    @Test
    void aGetIsRefusedAndRunsNoMutation() {
        long topics = topicCount();
        given().queryParam("query", CREATE).get("/graphql")
                .then().statusCode(405)
                .header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        assertEquals(topics, topicCount());
    }

    @Test
    void jsonWithACharsetIsJson() {
        given().contentType("application/json; charset=utf-8").body("{\"query\":\"{ topics(first: 0) { totalCount } }\"}")
                .post("/graphql")
                .then().statusCode(200).body("data.topics.totalCount", equalTo((int) topicCount()));
    }

    private void refusedWithoutDatabaseWork(Supplier<ValidatableResponse> request, String code) {
        long statements = sqlStatementsExecuted(management);
        ValidatableResponse response = assertTimeoutPreemptively(FAST, request::get);
        response.body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo(code))
                .body("data", nullValue());
        assertEquals(statements, sqlStatementsExecuted(management));
        stillServing();
    }

    /** Apollo's federated traces (ftv1) give per-field timings and error details to whoever asks for them. */
    @Test
    void aCallerAskingForFederatedTracesGetsNone() {
        given().contentType(ContentType.JSON).header("apollo-federation-include-trace", "ftv1")
                .body("{\"query\": \"{ topic(id: \\\"1\\\") { id } }\"}").post("/graphql")
                .then().statusCode(200)
                .body("data.topic.id", equalTo("1"))
                .body("extensions.ftv1", nullValue());
    }

    private static void stillServing() {
        assertTimeoutPreemptively(FAST, () -> post("{ topic(id: \"1\") { id } }").body("data.topic.id", equalTo("1")));
    }

    private static long topicCount() {
        return post("{ topics(first: 0) { totalCount } }").extract().<Integer> path("data.topics.totalCount");
    }
}
