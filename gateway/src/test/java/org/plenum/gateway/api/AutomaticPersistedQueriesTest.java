package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.persisted.Sha256;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Apollo's automatic persisted queries with the defaults (registration on, no manifest): a client sends the hash,
 * registers the document when told it is unknown, and later sends the hash alone, by GET or POST. Each test uses
 * documents of its own, since all share one store.
 */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class AutomaticPersistedQueriesTest {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Test
    void anUnknownHashAsksForTheDocumentAndIsNeverCached() {
        String query = "query Unknown { books { title } }";

        for (String accept : new String[] {GRAPHQL_RESPONSE, "application/json"}) {
            post(Map.of("extensions", persistedQuery(Sha256.hex(query))), accept)
                    .statusCode(200) // what Apollo Client's link and Apollo Router use, whatever the media type
                    .header("Cache-Control", "no-store")
                    .body("data", nullValue())
                    .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                    .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
            getHashOnly(query, accept).statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        }
    }

    @Test
    void aDocumentRegisteredByPostIsThenFoundByItsHashOverGetAndPost() {
        String query = "query RegisteredByPost { books { title } }";
        getHashOnly(query, GRAPHQL_RESPONSE).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));

        post(Map.of("query", query, "extensions", persistedQuery(Sha256.hex(query))), GRAPHQL_RESPONSE)
                .statusCode(200).body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));

        getHashOnly(query, GRAPHQL_RESPONSE).statusCode(200)
                .header("Cache-Control", nullValue()) // a short, stable URL whose caching is the operator's choice
                .body("errors", nullValue())
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));
        post(Map.of("extensions", persistedQuery(Sha256.hex(query))), GRAPHQL_RESPONSE).statusCode(200)
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));
    }

    @Test
    void aDocumentRegisteredByGetRunsWithVariablesByHash() {
        String query = "query RegisteredByGet($isbn: ID!) { book(isbn: $isbn) { title } }";
        given().accept(GRAPHQL_RESPONSE)
                .queryParam("query", query)
                .queryParam("variables", "{\"isbn\":\"978-0-00-000001-1\"}")
                .queryParam("extensions", persistedQueryJson(Sha256.hex(query)))
                .when().get("/graphql")
                .then().statusCode(200).body("data.book.title", equalTo("The Quiet Harbour"));

        post(Map.of("variables", Map.of("isbn", "978-0-00-000002-2"), "extensions", persistedQuery(Sha256.hex(query))),
                GRAPHQL_RESPONSE).statusCode(200).body("data.book.title", equalTo("Glass Orchards"));
        given().accept(GRAPHQL_RESPONSE)
                .queryParam("variables", "{\"isbn\":\"978-0-00-000001-1\"}")
                .queryParam("extensions", persistedQueryJson(Sha256.hex(query)))
                .when().get("/graphql")
                .then().statusCode(200).body("data.book.title", equalTo("The Quiet Harbour"));
    }

    @Test
    void aHashThatIsNotTheDocumentsIsRefusedAndRegistersNothing() {
        String query = "query Mismatched { books { isbn } }";
        String otherHash = Sha256.hex("query Other { books { isbn } }");

        post(Map.of("query", query, "extensions", persistedQuery(otherHash)), "application/json")
                .statusCode(400)
                .header("Cache-Control", "no-store")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"))
                .body("errors[0].message", containsString("SHA-256"));
        given().accept(GRAPHQL_RESPONSE)
                .queryParam("query", query)
                .queryParam("extensions", persistedQueryJson(otherHash))
                .when().get("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"));

        post(Map.of("extensions", persistedQuery(otherHash)), GRAPHQL_RESPONSE)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void hashesAreComparedWhateverTheirCase() {
        String query = "query UpperCaseHash { books { title } }";
        String upper = Sha256.hex(query).toUpperCase(java.util.Locale.ROOT);

        post(Map.of("query", query, "extensions", persistedQuery(upper)), GRAPHQL_RESPONSE).statusCode(200)
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));
        post(Map.of("extensions", persistedQuery(Sha256.hex(query))), GRAPHQL_RESPONSE).statusCode(200)
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));
    }

    @Test
    void malformedPersistedQueryExtensionsAreBadRequests() {
        String hash = Sha256.hex("{ books { title } }");
        post(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", hash))), GRAPHQL_RESPONSE)
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", equalTo("Unsupported persisted query version 2: this gateway supports version 1"));
        post(Map.of("extensions", persistedQuery("abc123")), GRAPHQL_RESPONSE)
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("sha256Hash"));
        post(Map.of("extensions", Map.of("persistedQuery", "yes")), GRAPHQL_RESPONSE)
                .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        // without a document, a hash or an id there is still nothing to run
        post(Map.of("extensions", Map.of()), GRAPHQL_RESPONSE)
                .statusCode(400).body("errors[0].message", containsString("Missing 'query'"));
    }

    @Test
    void aPersistedMutationIsRefusedOverGetAndRunsOverPost() {
        String mutation = "mutation PersistedRename { renameBook(isbn: \"978-0-00-000002-2\", title: \"Glass Orchards\") { title } }";
        post(Map.of("query", mutation, "extensions", persistedQuery(Sha256.hex(mutation))), GRAPHQL_RESPONSE)
                .statusCode(200).body("data.renameBook.title", equalTo("Glass Orchards"));

        getHashOnly(mutation, GRAPHQL_RESPONSE).statusCode(405)
                .header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        post(Map.of("extensions", persistedQuery(Sha256.hex(mutation))), GRAPHQL_RESPONSE)
                .statusCode(200).body("data.renameBook.title", equalTo("Glass Orchards"));
    }

    @Test
    void documentIdsNeedAManifestAndExcludeADocument() {
        post(Map.of("documentId", "titles-1"), GRAPHQL_RESPONSE)
                .statusCode(400)
                .header("Cache-Control", "no-store")
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"))
                .body("errors[0].message", equalTo("Persisted document \"titles-1\" is not in the manifest"));
        post(Map.of("documentId", "titles-1", "query", "{ books { title } }"), "application/json")
                .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        post(Map.of("documentId", 7), "application/json")
                .statusCode(400).body("errors[0].message", equalTo("'documentId' must be a non-empty string"));
    }

    static Map<String, Object> persistedQuery(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    static String persistedQueryJson(String hash) {
        return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    }

    static ValidatableResponse post(Map<String, Object> body, String accept) {
        return given().contentType(ContentType.JSON).accept(accept).body(new HashMap<>(body))
                .when().post("/graphql").then();
    }

    static ValidatableResponse getHashOnly(String query, String accept) {
        return given().accept(accept)
                .queryParam("extensions", persistedQueryJson(Sha256.hex(query)))
                .when().get("/graphql").then();
    }
}
