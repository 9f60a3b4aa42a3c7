package org.plenum.gateway.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request handling: errors before execution, limits, variables, introspection, @skip/@include, __typename. */
class RequestsTest {

    private static final Map<String, Object> CHAIR = Map.of("__typename", "Product", "id", "1", "sku", "s1", "name", "Chair");

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("catalog", new FakeSubgraph(Fixtures.subgraphSdl("keys", "catalog"), Map.of(),
                    Map.of("topProducts", List.of(CHAIR)), Map.of("Query.product", env -> CHAIR)))
            .with("inventory", new FakeSubgraph(Fixtures.subgraphSdl("keys", "inventory"),
                    Map.of("Product", List.of(Map.of("__typename", "Product", "sku", "s1", "stock", 5))), Map.of(), Map.of()));

    private final Gateway gateway = Fixtures.gateway("keys", client);

    @Test
    void reportsSyntaxErrorsWithLocations() {
        GatewayResponse response = Fixtures.run(gateway, "{ product(id: \"1\") { name }");

        assertTrue(response.requestError());
        assertEquals("GRAPHQL_PARSE_FAILED", SchemaFeaturesTest.code(response));
        assertNotNull(ErrorsTest.errors(response).get(0).get("locations"));
        assertTrue(client.requests().isEmpty());
    }

    @Test
    void reportsValidationErrors() {
        GatewayResponse response = Fixtures.run(gateway, "{ product(id: \"1\") { price } }");

        assertTrue(response.requestError());
        assertEquals("GRAPHQL_VALIDATION_FAILED", SchemaFeaturesTest.code(response));
    }

    @Test
    void enforcesOperationLimits() {
        Gateway strict = Gateway.create(Fixtures.supergraph("keys"), client, GatewayOptions.builder()
                .maxDepth(2).maxAliases(1).maxRootFields(1).maxDocumentBytes(200).planCacheSize(10).build());

        assertEquals("MAX_DEPTH_EXCEEDED", SchemaFeaturesTest.code(Fixtures.run(strict, "{ product(id: \"1\") { warehouse { code } } }")));
        assertEquals("MAX_ALIASES_EXCEEDED", SchemaFeaturesTest.code(Fixtures.run(strict, "{ product(id: \"1\") { a: name b: sku } }")));
        assertEquals("MAX_ROOT_FIELDS_EXCEEDED", SchemaFeaturesTest.code(Fixtures.run(strict, "{ product(id: \"1\") { name } topProducts { name } }")));
        assertEquals("DOCUMENT_TOO_LARGE", SchemaFeaturesTest.code(Fixtures.run(strict, "{ product(id: \"1\") { name } }" + " ".repeat(300))));
        assertTrue(client.requests().isEmpty());
    }

    @Test
    void rejectsBadVariablesAndUnknownOperations() {
        GatewayResponse missing = Fixtures.run(gateway, "query($id: ID!) { product(id: $id) { name } }");
        assertTrue(missing.requestError());
        assertEquals("BAD_USER_INPUT", SchemaFeaturesTest.code(missing));

        GatewayResponse unknown = gateway.execute(new GatewayRequest("query A { topProducts { name } }", "B", Map.of(), Map.of()))
                .await().atMost(Duration.ofSeconds(5));
        assertEquals("OPERATION_NOT_FOUND", SchemaFeaturesTest.code(unknown));
    }

    @Test
    void aDocumentKnownByItsHashIsPreparedOnceAndFoundByTheHashAlone() {
        String hash = "a".repeat(64); // the HTTP layer vouches that it is the document's SHA-256
        GatewayResponse first = gateway.execute(new GatewayRequest("{ topProducts { name } }", null, Map.of(), Map.of(),
                null, null, hash)).await().atMost(Duration.ofSeconds(5));
        // the same hash with text that would not even parse: the prepared document is found by the hash alone
        GatewayResponse again = gateway.execute(new GatewayRequest("{ not parsed", null, Map.of(), Map.of(),
                null, null, hash)).await().atMost(Duration.ofSeconds(5));

        assertEquals(Map.of("topProducts", List.of(Map.of("name", "Chair"))), first.body().get("data"));
        assertEquals(first.body(), again.body());
        assertEquals("GRAPHQL_PARSE_FAILED", SchemaFeaturesTest.code(Fixtures.run(gateway, "{ not parsed")));
    }

    @Test
    void answersIntrospectionAndTypenameItself() {
        GatewayResponse response = Fixtures.run(gateway, "{ __typename __schema { queryType { name } } __type(name: \"Product\") { fields { name } } }");

        Map<?, ?> data = (Map<?, ?>) response.body().get("data");
        assertEquals("Query", data.get("__typename"));
        assertEquals(Map.of("queryType", Map.of("name", "Query")), data.get("__schema"));
        assertTrue(data.get("__type").toString().contains("stock"));
        assertTrue(client.requests().isEmpty());
    }

    @Test
    void refusesIntrospectionWhenDisabled() {
        Gateway closed = Gateway.create(Fixtures.supergraph("keys"), client, GatewayOptions.builder().introspectionEnabled(false).build());

        GatewayResponse response = Fixtures.run(closed, "{ __schema { types { name } } }");

        assertTrue(response.requestError());
        assertEquals("INTROSPECTION_DISABLED", SchemaFeaturesTest.code(response));
        assertEquals(Map.of("data", Map.of("__typename", "Query")), Fixtures.run(closed, "{ __typename }").body());
    }

    @Test
    void honoursSkipAndIncludeWithoutFetchingSkippedFields() {
        String query = "query($withStock: Boolean!) { product(id: \"1\") { name stock @include(if: $withStock) id @skip(if: true) } }";

        GatewayResponse without = Fixtures.run(gateway, query, Map.of("withStock", false));
        assertEquals(Map.of("data", Map.of("product", Map.of("name", "Chair"))), without.body());
        assertEquals(1, client.requests().size());

        GatewayResponse with = Fixtures.run(gateway, query, Map.of("withStock", true));
        assertEquals(Map.of("data", Map.of("product", Map.of("name", "Chair", "stock", 5))), with.body());
        assertEquals(3, client.requests().size());
    }

    @Test
    void shapesTheResponseExactlyAsRequestedWithoutInternalFields() {
        GatewayResponse response = Fixtures.run(gateway,
                "{ p: product(id: \"1\") { ... on Product { s: stock } label: name ...F __typename } } fragment F on Product { name }");

        Map<?, ?> product = (Map<?, ?>) ((Map<?, ?>) response.body().get("data")).get("p");
        assertEquals(List.of("s", "label", "name", "__typename"), List.copyOf(product.keySet()));
        assertEquals(List.of(5, "Chair", "Chair", "Product"), List.copyOf(product.values()));
        assertFalse(response.requestError());
    }

    @Test
    void keepsClientAliasesApartFromTheKeysTheGatewayNeeds() {
        // the client calls "name" sku, while inventory needs the real sku as key
        GatewayResponse response = Fixtures.run(gateway, "{ product(id: \"1\") { sku: name stock id: sku } }");

        assertEquals(Map.of("data", Map.of("product", Map.of("sku", "Chair", "stock", 5, "id", "s1"))), response.body());
        assertEquals(List.of(Map.of("__typename", "Product", "sku", "s1")),
                client.requestsTo("inventory").get(0).variables().get("representations"));
    }
}
