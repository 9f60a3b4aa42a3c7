package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** GraphQL over HTTP at /graphql: methods, media types and status codes as the spec defines them. */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class GraphQLHttpProtocolTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String TITLES = "query Titles { books { title } }";

    @Test
    void postReturnsDataAsJsonByDefault() {
        given().contentType(ContentType.JSON).body(Map.of("query", TITLES))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("data.books.title", contains("The Quiet Harbour", "Glass Orchards"))
                .body("errors", nullValue());
    }

    @Test
    void postWithVariablesAndOperationName() {
        given().contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(Map.of("query", "query Other { books { isbn } } query One($isbn: ID!) { book(isbn: $isbn) { title } }",
                        "operationName", "One",
                        "variables", Map.of("isbn", "978-0-00-000002-2"),
                        "extensions", Map.of()))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data.book.title", equalTo("Glass Orchards"));
    }

    @Test
    void getRunsQueries() {
        given().accept(GRAPHQL_RESPONSE)
                .queryParam("query", "query One($isbn: ID!) { book(isbn: $isbn) { title } }")
                .queryParam("variables", "{\"isbn\":\"978-0-00-000001-1\"}")
                .when().get("/graphql")
                .then().statusCode(200)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data.book.title", equalTo("The Quiet Harbour"));
    }

    @Test
    void getRefusesMutationsWithoutRunningThem() {
        given().accept(ContentType.JSON)
                .queryParam("query", "mutation { renameBook(isbn: \"978-0-00-000001-1\", title: \"Renamed by GET\") { title } }")
                .when().get("/graphql")
                .then().statusCode(405)
                .header("Allow", "POST")
                .body("errors[0].message", equalTo("Mutations must be sent with POST"))
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));

        given().contentType(ContentType.JSON).body(Map.of("query", "{ book(isbn: \"978-0-00-000001-1\") { title } }"))
                .when().post("/graphql")
                .then().body("data.book.title", equalTo("The Quiet Harbour"));
    }

    @Test
    void requestErrorIs400WithGraphQLResponseJson() {
        given().contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE).body(Map.of("query", "{ books { noSuchField } }"))
                .when().post("/graphql")
                .then().statusCode(400)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data", nullValue())
                .body("errors[0].message", containsString("noSuchField"));
    }

    @Test
    void requestErrorIs200WithLegacyJson() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("query", "{ books { noSuchField } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("errors[0].message", containsString("noSuchField"));
    }

    @Test
    void acceptPrefersGraphQLResponseJsonAndHonoursQuality() {
        given().contentType(ContentType.JSON).accept("application/json, application/graphql-response+json")
                .body(Map.of("query", TITLES)).when().post("/graphql")
                .then().statusCode(200).contentType(startsWith(GRAPHQL_RESPONSE));
        given().contentType(ContentType.JSON).accept("application/graphql-response+json;q=0.5, application/json")
                .body(Map.of("query", TITLES)).when().post("/graphql")
                .then().statusCode(200).contentType(startsWith("application/json")).header("Vary", "Accept");
    }

    @Test
    void unacceptableAcceptIs406() {
        given().contentType(ContentType.JSON).accept("text/csv").body(Map.of("query", TITLES))
                .when().post("/graphql")
                .then().statusCode(406)
                .body("errors[0].extensions.code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void malformedJsonIs400WithAGraphQLErrorAndNoStackTrace() {
        given().contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE).body("{\"query\": \"{ books { title } }\"")
                .when().post("/graphql")
                .then().statusCode(400)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("errors[0].message", startsWith("The request body is not valid JSON"))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body(not(containsString("at com.fasterxml")));
    }

    @Test
    void missingOrInvalidParametersAre400EvenWithLegacyJson() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("operationName", "Titles"))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("Missing 'query': the request must contain a GraphQL document"));
        given().contentType(ContentType.JSON).body(Map.of("query", TITLES, "variables", "isbn"))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("'variables' must be a JSON object"));
        given().contentType(ContentType.JSON).body("[{\"query\": \"{ books { title } }\"}]")
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("The request body must be a JSON object with a 'query'"));
        given().queryParam("query", TITLES).queryParam("variables", "{not json")
                .when().get("/graphql")
                .then().statusCode(400)
                .body("errors[0].message", startsWith("'variables' is not valid JSON"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        given().contentType("text/plain").body(TITLES)
                .when().post("/graphql")
                .then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void otherMethodsAre405() {
        given().contentType(ContentType.JSON).body(Map.of("query", TITLES))
                .when().put("/graphql")
                .then().statusCode(405)
                .header("Allow", "GET, POST")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void oversizedBodyIs413() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", TITLES, "variables", Map.of("padding", "x".repeat(30_000))))
                .when().post("/graphql")
                .then().statusCode(413)
                .body("errors[0].message", equalTo("The request body is larger than 20000 bytes"))
                .body("errors[0].extensions.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void browserOpeningTheEndpointGetsGraphiQL() {
        given().redirects().follow(false).accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .when().get("/graphql")
                .then().statusCode(302)
                .header("Location", "/graphiql/");
    }

    @Test
    void introspectionShowsTheApiSchemaWithoutFederationInternals() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ __schema { types { name } } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.__schema.types.name", hasItems("Book", "Review", "Author"))
                .body("data.__schema.types.name", not(hasItems("join__Graph")))
                .body("data.__schema.types.name", not(hasItems("_Entity")));
    }
}
