package org.plenum.speakers.graphql;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.TestEnvironment;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenum.speakers.support.GraphQL.speakerInput;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SpeakerMutationsTest {

    static final String CREATE = """
            mutation($input: SpeakerInput!) {
              createSpeaker(input: $input) { id name role organization country bio }
            }""";
    static final String UPDATE = """
            mutation($id: ID!, $input: SpeakerInput!) {
              updateSpeaker(id: $id, input: $input) { id name role organization country bio }
            }""";
    static final String DELETE = "mutation($id: ID!) { deleteSpeaker(id: $id) { deleted topicsCleanup } }";
    static final String GET = "query($id: ID!) { speaker(id: $id) { id name role organization country bio } }";
    static final String TOTAL = "{ speakers(first: 0) { totalCount } }";

    static int total() {
        return GraphQL.ok(TOTAL).extract().path("data.speakers.totalCount");
    }

    @Test
    void createStoresTrimmedFieldsUnderAGeneratedId() {
        String id = GraphQL.ok(CREATE, Map.of("input", speakerInput("  Grace Hopper ", " Rear Admiral", "US Navy ", "  ", "Wrote the first compiler.")))
                .body("data.createSpeaker.id", matchesPattern("[0-9a-f]{24}"))
                .body("data.createSpeaker.name", equalTo("Grace Hopper"))
                .body("data.createSpeaker.role", equalTo("Rear Admiral"))
                .body("data.createSpeaker.organization", equalTo("US Navy"))
                .body("data.createSpeaker.country", nullValue())
                .extract().path("data.createSpeaker.id");
        GraphQL.ok(GET, Map.of("id", id))
                .body("data.speaker.name", equalTo("Grace Hopper"))
                .body("data.speaker.bio", equalTo("Wrote the first compiler."));
    }

    @Test
    void limitsAreInclusive() {
        GraphQL.ok(CREATE, Map.of("input", speakerInput("n".repeat(200), "r".repeat(200), "o".repeat(200), "c".repeat(200), "b".repeat(4000))))
                .body("data.createSpeaker.name.length()", equalTo(200))
                .body("data.createSpeaker.bio.length()", equalTo(4000));
    }

    @ParameterizedTest
    @CsvSource({
            "'', , , , , name must not be empty",
            "'   ', , , , , name must not be empty",
            "201, , , , , name must be at most 200 characters (got 201)",
            "ok, 201, , , , role must be at most 200 characters (got 201)",
            "ok, , 201, , , organization must be at most 200 characters (got 201)",
            "ok, , , 201, , country must be at most 200 characters (got 201)",
            "ok, , , , 4001, bio must be at most 4000 characters (got 4001)",
    })
    void createRejectsBadInputWithoutWriting(String name, String role, String organization, String country, String bio,
            String message) {
        int before = total();
        GraphQL.error(CREATE, Map.of("input", speakerInput(text(name), text(role), text(organization), text(country), text(bio))),
                "BAD_USER_INPUT", "createSpeaker")
                .body("errors[0].message", equalTo(message))
                .body("data", nullValue());
        assertEquals(before, total());
    }

    /** A number stands for a string of that many characters. */
    private static String text(String spec) {
        return spec != null && spec.matches("\\d+") ? "x".repeat(Integer.parseInt(spec)) : spec;
    }

    @Test
    void updateReplacesAllFields() {
        String id = createSpeaker("Before", "Old role");
        GraphQL.ok(UPDATE, Map.of("id", id, "input", speakerInput("After", null, "New org", "Chile", "Bio")))
                .body("data.updateSpeaker.id", equalTo(id))
                .body("data.updateSpeaker.name", equalTo("After"))
                .body("data.updateSpeaker.role", nullValue())
                .body("data.updateSpeaker.organization", equalTo("New org"));
        GraphQL.ok(GET, Map.of("id", id))
                .body("data.speaker.name", equalTo("After"))
                .body("data.speaker.role", nullValue())
                .body("data.speaker.country", equalTo("Chile"));
    }

    @Test
    void invalidUpdateLeavesSpeakerUnchanged() {
        String id = createSpeaker("Unchanged", "Kept role");
        GraphQL.error(UPDATE, Map.of("id", id, "input", speakerInput(" ", "Other role", null, null, null)), "BAD_USER_INPUT", "updateSpeaker");
        GraphQL.error(UPDATE, Map.of("id", id, "input", speakerInput("Name", null, null, null, "b".repeat(4001))), "BAD_USER_INPUT", "updateSpeaker");
        GraphQL.ok(GET, Map.of("id", id))
                .body("data.speaker.name", equalTo("Unchanged"))
                .body("data.speaker.role", equalTo("Kept role"));
    }

    @Test
    void updateOfUnknownSpeakerIsNotFoundAndCreatesNothing() {
        int before = total();
        GraphQL.error(UPDATE, Map.of("id", "no-such-speaker", "input", speakerInput("Ghost", null, null, null, null)), "NOT_FOUND", "updateSpeaker")
                .body("errors[0].message", equalTo("No speaker with id \"no-such-speaker\""));
        GraphQL.ok(GET, Map.of("id", "no-such-speaker")).body("data.speaker", nullValue());
        assertEquals(before, total());
    }

    @Test
    void deleteRemovesTheSpeaker() {
        String id = createSpeaker("Short-lived", null);
        GraphQL.ok(DELETE, Map.of("id", id))
                .body("data.deleteSpeaker.deleted", equalTo(true))
                .body("data.deleteSpeaker.topicsCleanup", equalTo("DONE"));
        GraphQL.ok(GET, Map.of("id", id)).body("data.speaker", nullValue());
        GraphQL.error(DELETE, Map.of("id", id), "NOT_FOUND", "deleteSpeaker");
    }

    @Test
    void deleteOfUnknownSpeakerIsNotFound() {
        int before = total();
        GraphQL.error(DELETE, Map.of("id", "no-such-speaker"), "NOT_FOUND", "deleteSpeaker")
                .body("errors[0].message", equalTo("No speaker with id \"no-such-speaker\""));
        assertEquals(before, total());
    }

    private static String createSpeaker(String name, String role) {
        return GraphQL.ok(CREATE, Map.of("input", speakerInput(name, role, null, null, null))).extract().path("data.createSpeaker.id");
    }
}
