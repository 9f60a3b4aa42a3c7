package org.plenum.speakers.graphql;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.MongoCommandCounter;
import org.plenum.speakers.support.TestEnvironment;

import java.time.Duration;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The attacks anyone the network lets through could send straight to this subgraph: each is refused quickly with a
 * code, before any MongoDB read where it can be known in advance, and the service keeps answering.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class RequestProtectionTest {

    // generous: the first requests of a cold JVM on a busy 2-core machine take seconds; a missing limit takes minutes
    private static final Duration FAST = Duration.ofSeconds(20);
    private static final String CREATE = "mutation { createSpeaker(input: { name: \"Forged\" }) { id } }";

    @Inject
    MongoCommandCounter commands;

    @Test
    void aDepth17QueryIsRefusedBeforeItRuns() {
        // this schema's own types are shallow; introspection nests as deep as one likes
        String query = "{ __schema { types { fields { type { " + "ofType { ".repeat(12) + "name" + " }".repeat(17);
        refusedBeforeTheDatabase(query, "QUERY_TOO_DEEP");
    }

    @Test
    void threeHundredAliasedPagesAreRefusedBeforeTheyRun() {
        refusedBeforeTheDatabase(IntStream.range(0, 300).mapToObj(i -> "s" + i + ": speakers(first: 100) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }")), "TOO_MANY_ALIASES");
    }

    @Test
    void moreRepresentationsThanTheCapAreRefusedBeforeTheDatabase() {
        int reads = commands.speakerReads();
        assertTimeoutPreemptively(FAST, () -> postJson(entitiesRequest(1001)).statusCode(200))
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ENTITIES"))
                .body("data", nullValue());
        assertEquals(reads, commands.speakerReads());
    }

    @Test
    void fiftyThousandRepresentationsAreRefusedBeforeTheyAreRead() {
        int reads = commands.speakerReads();
        assertTimeoutPreemptively(FAST, () -> postJson(entitiesRequest(50_000)).statusCode(413))
                .body("errors[0].extensions.code", equalTo("REQUEST_TOO_LARGE"));
        assertEquals(reads, commands.speakerReads());
        stillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/jsonfoo" })
    void aPostThatIsNotJsonIsRefusedAndWritesNothing(String contentType) {
        int speakers = speakerCount();
        given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(contentType, ContentType.TEXT)))
                .contentType(contentType)
                .body("{\"query\":\"" + CREATE.replace("\"", "\\\"") + "\"}")
                .post("/graphql")
                .then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        assertEquals(speakers, speakerCount());
    }

    @Test
    void aGetIsRefusedAndRunsNoMutation() {
        int speakers = speakerCount();
        given().queryParam("query", CREATE).get("/graphql")
                .then().statusCode(405)
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        assertEquals(speakers, speakerCount());
    }

    private void refusedBeforeTheDatabase(String query, String code) {
        int reads = commands.speakerReads();
        assertTimeoutPreemptively(FAST, () -> GraphQL.post(query))
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo(code))
                .body("data", nullValue());
        assertEquals(reads, commands.speakerReads());
        stillServing();
    }

    private static ValidatableResponse postJson(String body) {
        return given().contentType("application/json").body(body).post("/graphql").then();
    }

    /** An _entities request for one speaker, this many times, as JSON. */
    private static String entitiesRequest(int representations) {
        return "{\"query\":\"query($r: [_Any!]!) { _entities(representations: $r) { ... on Speaker { name } } }\","
                + "\"variables\":{\"r\":[" + String.join(",", Collections.nCopies(representations,
                        "{\"__typename\":\"Speaker\",\"id\":\"lin-nan\"}")) + "]}}";
    }

    private static void stillServing() {
        assertTimeoutPreemptively(FAST, () -> GraphQL.ok("{ speaker(id: \"lin-nan\") { name } }")
                .body("data.speaker.name", equalTo("Lin Nan")));
    }

    private static int speakerCount() {
        return GraphQL.ok("{ speakers(first: 0) { totalCount } }").extract().path("data.speakers.totalCount");
    }
}
