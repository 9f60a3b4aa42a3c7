package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenum.gateway.api.AutomaticPersistedQueriesTest.GRAPHQL_RESPONSE;
import static org.plenum.gateway.api.AutomaticPersistedQueriesTest.getHashOnly;
import static org.plenum.gateway.api.AutomaticPersistedQueriesTest.post;
import static org.plenum.gateway.api.TrustedDocumentsProfile.TITLES;
import static org.plenum.gateway.api.TrustedDocumentsTest.metric;

/** Log mode: documents outside the manifest run and are counted; with registration off, hashes only find listed ones. */
@QuarkusTest
@TestProfile(TrustedDocumentsLogProfile.class)
class TrustedDocumentsLogModeTest {

    private static final String LOGGED = "plenum_gateway_persisted_documents_unlisted_total{action=\"logged\"}";

    @Test
    void anUnlistedDocumentRunsAndIsCountedEveryTime() {
        double before = metric(LOGGED);

        for (int i = 0; i < 2; i++) {
            post(Map.of("query", "query NotListed { books { isbn } }"), GRAPHQL_RESPONSE)
                    .statusCode(200).body("errors", nullValue())
                    .body("data.books.isbn", contains("978-0-00-000001-1", "978-0-00-000002-2"));
        }

        assertEquals(before + 2, metric(LOGGED));
    }

    @Test
    void aListedDocumentRunsUncounted() {
        double before = metric(LOGGED);

        post(Map.of("query", TITLES), GRAPHQL_RESPONSE).statusCode(200)
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));
        getHashOnly(TITLES, GRAPHQL_RESPONSE).statusCode(200)
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"));

        assertEquals(before, metric(LOGGED));
    }

    @Test
    void withRegistrationOffAnUnknownHashIsNotSupported() {
        getHashOnly("query NeverRegistered { books { title } }", GRAPHQL_RESPONSE)
                .statusCode(200) // Apollo Client then stops sending hashes and sends documents
                .body("errors[0].message", equalTo("PersistedQueryNotSupported"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_SUPPORTED"));
    }
}
