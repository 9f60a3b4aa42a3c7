package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.persisted.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenum.gateway.api.AutomaticPersistedQueriesTest.GRAPHQL_RESPONSE;
import static org.plenum.gateway.api.AutomaticPersistedQueriesTest.getHashOnly;
import static org.plenum.gateway.api.AutomaticPersistedQueriesTest.persistedQuery;
import static org.plenum.gateway.api.AutomaticPersistedQueriesTest.post;
import static org.plenum.gateway.api.TrustedDocumentsProfile.BOOK;
import static org.plenum.gateway.api.TrustedDocumentsProfile.BOOK_ID;
import static org.plenum.gateway.api.TrustedDocumentsProfile.TITLES;

/** Refuse mode: only the manifest's documents run, by id, by hash or as text; the manifest is reloaded when it changes. */
@QuarkusTest
@TestProfile(TrustedDocumentsProfile.class)
class TrustedDocumentsTest {

    private static final String UNLISTED = "query Unlisted { books { isbn } }";

    @Test
    void anAdHocDocumentIsRefusedWithACodeAndCounted() {
        double refusedBefore = metric("plenum_gateway_persisted_documents_unlisted_total{action=\"refused\"}");

        post(Map.of("query", UNLISTED), GRAPHQL_RESPONSE)
                .statusCode(400)
                .header("Cache-Control", "no-store")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"))
                .body("errors[0].message", containsString("Only the documents of the persisted document manifest may run"));
        post(Map.of("query", UNLISTED), "application/json")
                .statusCode(200).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
        given().accept(GRAPHQL_RESPONSE).queryParam("query", UNLISTED).when().get("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));

        assertEquals(refusedBefore + 3, metric("plenum_gateway_persisted_documents_unlisted_total{action=\"refused\"}"));
    }

    @Test
    void listedDocumentsRunByIdOverPostAndGet() {
        post(Map.of("documentId", BOOK_ID, "variables", Map.of("isbn", "978-0-00-000002-2")), GRAPHQL_RESPONSE)
                .statusCode(200).body("errors", nullValue()).body("data.book.title", equalTo("Glass Orchards"));
        given().accept(GRAPHQL_RESPONSE)
                .queryParam("documentId", Sha256.hex(TITLES))
                .when().get("/graphql")
                .then().statusCode(200).body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));
        // GraphQL over HTTP's form of an id that is the document's hash
        post(Map.of("documentId", "sha256:" + Sha256.hex(BOOK), "variables", Map.of("isbn", "978-0-00-000001-1")),
                GRAPHQL_RESPONSE).statusCode(200).body("data.book.title", equalTo("The Quiet Harbour"));
    }

    @Test
    void listedDocumentsRunByApolloHashOrAsTheirText() {
        getHashOnly(TITLES, GRAPHQL_RESPONSE).statusCode(200)
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));
        post(Map.of("query", BOOK, "variables", Map.of("isbn", "978-0-00-000001-1")), GRAPHQL_RESPONSE)
                .statusCode(200).body("data.book.title", equalTo("The Quiet Harbour"));
    }

    @Test
    void unknownIdsAndHashesAreNotInTheListAndCannotBeRegistered() {
        post(Map.of("documentId", "no-such-id"), GRAPHQL_RESPONSE)
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"))
                .body("errors[0].message", equalTo("Persisted document \"no-such-id\" is not in the manifest"));
        // not PERSISTED_QUERY_NOT_FOUND: registering the document could not make it run
        getHashOnly(UNLISTED, GRAPHQL_RESPONSE).statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
        post(Map.of("query", UNLISTED, "extensions", persistedQuery(Sha256.hex(UNLISTED))), GRAPHQL_RESPONSE)
                .statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
        getHashOnly(UNLISTED, GRAPHQL_RESPONSE).statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
    }

    @Test
    void aChangedManifestIsReloadedAndABrokenOneKeepsThePrevious() throws IOException {
        Path manifest = Path.of(ConfigProvider.getConfig().getValue(TrustedDocumentsProfile.MANIFEST_FILE, String.class));
        String added = "query Added { books { isbn } }";
        try {
            // a plain {"id": "document"} map this time, as Relay or GraphQL Codegen write it
            Files.writeString(manifest, "{\"" + BOOK_ID + "\": \"" + BOOK.replace("\"", "\\\"") + "\", \"added-1\": \"" + added + "\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> post(Map.of("documentId", "added-1"), GRAPHQL_RESPONSE)
                    .statusCode(200).body("data.books.isbn", contains("978-0-00-000001-1", "978-0-00-000002-2")));
            post(Map.of("documentId", Sha256.hex(TITLES)), GRAPHQL_RESPONSE)
                    .statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
            assertEquals(2, metric("plenum_gateway_persisted_documents_manifest_documents"));

            double failures = metric("plenum_gateway_persisted_documents_manifest_failures_total");
            Files.writeString(manifest, "{\"format\": \"apollo-persisted-query-manifest\", \"operations\": [");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metric("plenum_gateway_persisted_documents_manifest_failures_total") == failures + 1);
            post(Map.of("documentId", "added-1"), GRAPHQL_RESPONSE)
                    .statusCode(200).body("data.books.isbn", contains("978-0-00-000001-1", "978-0-00-000002-2"));
            assertEquals(2, metric("plenum_gateway_persisted_documents_manifest_documents"));
        } finally {
            Files.writeString(manifest, TrustedDocumentsProfile.apolloManifest());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> post(Map.of("documentId", Sha256.hex(TITLES)),
                    GRAPHQL_RESPONSE).statusCode(200));
        }
    }

    /** A sample's value in the Prometheus text at /q/metrics (an exemplar may follow it), 0 when it is absent. */
    static double metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)", Pattern.MULTILINE).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
