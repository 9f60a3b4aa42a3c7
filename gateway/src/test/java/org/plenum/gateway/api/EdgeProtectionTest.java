package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks a public endpoint sees, over HTTP: each is answered with a code within a time bound, and health keeps
 * answering meanwhile. Limits from {@link EdgeTestProfile}: 2.5 s per request (stock's own timeout 10 s), 1 s to send a body, 2 requests at
 * once, 600-byte responses, 200-byte subgraph responses; the stock subgraph answers entity fetches after 3 s.
 */
@QuarkusTest
@TestProfile(EdgeTestProfile.class)
class EdgeProtectionTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String SLOW = "{ books { title copiesInStock } }";

    @Test
    void fragmentBombsAreRefusedFastWhileHealthAnswers() {
        given().get("/q/health/live").then().statusCode(200); // warm: the bound below is for the attack, not a cold start
        String bomb = bomb(24);
        List<CompletableFuture<Response>> attacks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attacks.add(CompletableFuture.supplyAsync(() -> post(bomb)));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> given().get("/q/health/live").then().statusCode(200));
        for (CompletableFuture<Response> attack : attacks) {
            Response response = assertTimeoutPreemptively(BOUND, () -> attack.get());
            response.then().statusCode(200).body("errors[0].extensions.code", equalTo("MAX_FIELDS_EXCEEDED"));
        }
    }

    @Test
    void theRequestDeadlineAnswersInTime() {
        Response response = assertTimeoutPreemptively(BOUND, () -> post(SLOW));

        response.then().statusCode(200).body("errors[0].extensions.code", equalTo("REQUEST_TIMEOUT"));
    }

    @Test
    void beyondTheConcurrencyLimitClientsAreToldToRetry() {
        List<CompletableFuture<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> post(SLOW)));
        }
        List<Response> responses = requests.stream().map(CompletableFuture::join).toList();

        List<Response> refused = responses.stream().filter(r -> r.statusCode() == 503).toList();
        assertTrue(!refused.isEmpty(), "at most 2 of 6 concurrent slow requests may run");
        refused.get(0).then().header("Retry-After", "1").body("errors[0].extensions.code", equalTo("SERVICE_OVERLOADED"));
        responses.stream().filter(r -> r.statusCode() != 503).forEach(r -> r.then().statusCode(200));
    }

    @Test
    void aResponseLargerThanTheLimitIsReplacedByAnError() {
        // the subgraph is asked for each title once; the client's response repeats them under every alias
        String books = "books { title t1: title t2: title t3: title t4: title t5: title t6: title }";
        post("{ a: " + books + " b: " + books + " c: " + books + " d: " + books + " }")
                .then().statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("RESPONSE_TOO_LARGE"))
                .body("errors[0].extensions.requestId", notNullValue());
    }

    @Test
    void aSubgraphResponseLargerThanTheLimitFailsItsFields() {
        post("{ books { __typename title isbn author { name born } } }")
                .then().log().ifValidationFails().statusCode(200)
                .body("errors[0].extensions.code", equalTo("SUBGRAPH_RESPONSE_TOO_LARGE"))
                .body("errors[0].extensions.serviceName", equalTo("catalog"));
    }

    @Test
    void aBodyThatDoesNotArriveInTimeLosesItsConnection() throws Exception {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"query\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            while (in.read() >= 0) {
                // whatever the server says before it closes
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited < 5000, "closed after " + waited + " ms");
        }
    }

    @Test
    void mediaTypesAreParsedNotPrefixMatched() {
        given().contentType("application/jsonfoo").body("{\"query\": \"{ books { title } }\"}".getBytes(StandardCharsets.UTF_8))
                .when().post("/graphql")
                .then().statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().contentType("application/json; charset=utf-8").body("{\"query\": \"{ books { title } }\"}".getBytes(StandardCharsets.UTF_8))
                .when().post("/graphql")
                .then().statusCode(200).body("data.books[0].title", equalTo("The Quiet Harbour"));
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneClientOneIsKept() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ books { title } }"))
                .when().post("/graphql")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f]{16}"));
        given().contentType(ContentType.JSON).header("X-Request-Id", "trace-42").body(Map.of("query", "{ books { title } }"))
                .when().post("/graphql")
                .then().header("X-Request-Id", "trace-42");
        given().contentType(ContentType.JSON).header("X-Request-Id", "bad id\twith tab").body(Map.of("query", "{ x }"))
                .when().post("/graphql")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f]{16}"))
                .body("errors[0].message", containsString("x"));
    }

    private static Response post(String query) {
        return given().contentType(ContentType.JSON).body(Map.of("query", query)).when().post("/graphql");
    }

    /** Each fragment spreads the next twice: 2^levels fields once expanded. */
    private static String bomb(int levels) {
        StringBuilder document = new StringBuilder("{ books { ...F0 } }");
        for (int i = 0; i < levels; i++) {
            document.append(" fragment F").append(i).append(" on Book { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        return document.append(" fragment F").append(levels).append(" on Book { title }").toString();
    }
}
