package org.plenum.speakers.graphql;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.MongoCommandCounter;
import org.plenum.speakers.support.TestEnvironment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class FederationTest {

    static final String ENTITIES = """
            query($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on Speaker { id name country } }
            }""";

    @Inject
    MongoCommandCounter commands;

    @Test
    void sdlLinksFederationTwoWithKeyAndShareablePageInfo() {
        GraphQL.ok("{ _service { sdl } }")
                .body("data._service.sdl", containsString("schema @link(import : [\"@key\", \"@shareable\", \"@listSize\", \"@requiresScopes\", \"Scope\"], url : \"https://specs.apollo.dev/federation/v2.9\")"))
                .body("data._service.sdl", containsString("directive @listSize(requireOneSlicingArgument: Boolean = true, sizedFields: [String!], slicingArguments: [String!]) on FIELD_DEFINITION"))
                .body("data._service.sdl", containsString("type Speaker @key(fields : \"id\")"))
                .body("data._service.sdl", containsString("type PageInfo @shareable"))
                .body("data._service.sdl", containsString("input SpeakerInput {"))
                .body("data._service.sdl", containsString("input SpeakerFilter {"))
                .body("data._service.sdl", containsString("speakers(after: String, filter: SpeakerFilter, first: Int = 20): SpeakerConnection!"
                        + " @listSize(sizedFields : [\"edges\"], slicingArguments : [\"first\"])"));
    }

    @Test
    void entitiesAnswerInRequestOrderWithNullForUnknown() {
        ValidatableResponse response = GraphQL.ok(ENTITIES,
                Map.of("representations", representations("lin-nan", "no-such-speaker", "khalil-hashmi")));
        assertEquals(Arrays.asList("lin-nan", null, "khalil-hashmi"), entityIds(response));
        response.body("data._entities[0].name", equalTo("Lin Nan"))
                .body("data._entities[1]", nullValue())
                .body("data._entities[2].country", equalTo("Pakistan"));
    }

    @Test
    void representationWithoutKeyIsAnErrorThatSaysSo() {
        GraphQL.post(ENTITIES, Map.of("representations", List.of(Map.of("__typename", "Speaker"))))
                .body("errors[0].message", equalTo("no query found for Speaker by []"))
                .body("errors[0].path[0]", equalTo("_entities"))
                .body("errors[0].extensions.code", equalTo("runtime"));
    }

    @Test
    void oneDatabaseQueryPerEntitiesCallWhateverTheNumberOfRepresentations() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(SpeakerQueriesTest.create("Batch " + i, null, null, null));
        }
        ids.add("no-such-speaker");
        ids.add(ids.get(0));

        assertEquals(1, speakerReadsDuring(() -> GraphQL.ok(ENTITIES, Map.of("representations", representations("lin-nan")))));
        List<ValidatableResponse> responses = new ArrayList<>();
        assertEquals(1, speakerReadsDuring(() -> responses.add(
                GraphQL.ok(ENTITIES, Map.of("representations", representations(ids.toArray(String[]::new)))))));
        List<String> expected = ids.stream().map(id -> id.equals("no-such-speaker") ? null : id).toList();
        assertEquals(expected, entityIds(responses.get(0)));
    }

    @Test
    void largeEntitiesCallsAreReadInChunksOfAHundredIdsStillInRequestOrder() {
        String known = SpeakerQueriesTest.create("Chunked", null, null, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(i == 0 || i == 249 ? known : "unknown-" + i);
        }
        List<ValidatableResponse> responses = new ArrayList<>();
        // 249 distinct ids: three chunks (the MongoDB-wire server's $in costs the square of its length)
        assertEquals(3, speakerReadsDuring(() -> responses.add(
                GraphQL.ok(ENTITIES, Map.of("representations", representations(ids.toArray(String[]::new)))))));
        List<String> found = entityIds(responses.get(0));
        assertEquals(250, found.size());
        assertEquals(known, found.get(0));
        assertEquals(known, found.get(249));
        assertEquals(248, found.stream().filter(java.util.Objects::isNull).count());
    }

    /** The ids of the returned entities, null where the service found none. */
    private static List<String> entityIds(ValidatableResponse response) {
        List<Map<String, Object>> entities = response.extract().jsonPath().getList("data._entities");
        return entities.stream().map(entity -> entity == null ? null : (String) entity.get("id")).toList();
    }

    private int speakerReadsDuring(Runnable request) {
        int before = commands.speakerReads();
        request.run();
        return commands.speakerReads() - before;
    }

    private static List<Map<String, Object>> representations(String... ids) {
        return Arrays.stream(ids).map(id -> Map.<String, Object>of("__typename", "Speaker", "id", id)).toList();
    }
}
