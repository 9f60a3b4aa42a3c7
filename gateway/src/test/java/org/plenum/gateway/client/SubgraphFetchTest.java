package org.plenum.gateway.client;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What reaches the subgraphs through the gateway: forwarded headers, trace context, and timeouts. */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class SubgraphFetchTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

    private final InMemorySpanExporter spans;

    SubgraphFetchTest(InMemorySpanExporter spans) {
        this.spans = spans;
    }

    @Test
    void forwardsConfiguredHeadersOnly() {
        // a verified Authorization header is forwarded too: AuthenticationTest, with real tokens
        String query = "{ baggage: requestHeader(name: \"baggage\") secret: requestHeader(name: \"x-secret\") }";
        given().contentType(ContentType.JSON)
                .header("baggage", "tenant=reader-7")
                .header("X-Secret", "not for subgraphs")
                .body(Map.of("query", query))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.baggage", equalTo("tenant=reader-7"))
                .body("data.secret", nullValue());
    }

    @Test
    void oneTraceSpansClientGatewayAndSubgraph() {
        String traceparent = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01")
                .body(Map.of("query", "{ requestHeader(name: \"traceparent\") }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.requestHeader", startsWith("00-" + TRACE_ID + "-"))
                .extract().path("data.requestHeader");

        String parentOfSubgraphRequest = traceparent.split("-")[2];
        assertNotEquals(CLIENT_SPAN_ID, parentOfSubgraphRequest, "the gateway's own span is the subgraph's parent");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SpanData fetch = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(TRACE_ID) && span.getName().equals("subgraph catalog"))
                    .findFirst().orElseThrow();
            assertNotEquals(CLIENT_SPAN_ID, fetch.getParentSpanId(), "the fetch span is a child of the gateway's span");
            assertEquals(TRACE_ID, fetch.getTraceId());
        });
    }

    @Test
    void slowSubgraphTimesOutWithPartialData() {
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", "{ books { title reviews { stars } copiesInStock } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"))
                .body("data.books[0].reviews.stars", contains(5, 4))
                .body("data.books.copiesInStock", everyItem(nullValue()))
                .body("errors.extensions.code", hasItem("SUBGRAPH_TIMEOUT"));
    }
}
