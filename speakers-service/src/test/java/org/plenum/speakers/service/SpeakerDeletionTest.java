package org.plenum.speakers.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.plenum.speakers.repository.SpeakerTombstoneRepository;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.TestEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Deleting a speaker tells topics-service (a real HTTP server here) and retries until it acknowledges; until a
 * moment after that the speaker still resolves as an entity, for quotes read before their clean-up.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SpeakerDeletionTest {

    static final String CREATE = "mutation($name: String!) { createSpeaker(input: { name: $name }) { id } }";
    static final String DELETE = "mutation($id: ID!) { deleteSpeaker(id: $id) { deleted topicsCleanup } }";
    static final String ENTITY = "query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Speaker { id name } } }";

    @ConfigProperty(name = TestEnvironment.FAKE_TOPICS_URL)
    String topicsServiceUrl;

    @Inject
    SpeakerTombstoneRepository tombstones;

    @Test
    void topicsServiceIsToldAndTheTombstoneRemovedAMomentAfter() throws InterruptedException {
        String id = create("Deleted at once");
        GraphQL.ok(DELETE, Map.of("id", id))
                .body("data.deleteSpeaker.deleted", equalTo(true))
                .body("data.deleteSpeaker.topicsCleanup", equalTo("DONE"));
        assertEquals(List.of(id + " 204"), callsFor(id));
        GraphQL.ok("query($id: ID!) { speaker(id: $id) { id } }", Map.of("id", id)).body("data.speaker", nullValue());

        // resolvable-for is 1 s in tests: then the next retry run removes the tombstone
        await(() -> tombstones.findById(id).await().indefinitely() == null, "tombstone of " + id + " removed");
        GraphQL.ok(ENTITY, representation(id)).body("data._entities[0]", nullValue());
    }

    @Test
    void unreachableTopicsServiceIsRetriedUntilItAcknowledges() throws InterruptedException {
        String id = create("Deleted while topics-service fails");
        given().post(topicsServiceUrl + "/fail/2").then().statusCode(204);

        // the answer says the clean-up has not run: topics-service refused
        GraphQL.ok(DELETE, Map.of("id", id))
                .body("data.deleteSpeaker.deleted", equalTo(true))
                .body("data.deleteSpeaker.topicsCleanup", equalTo("PENDING"));
        GraphQL.ok("query($id: ID!) { speaker(id: $id) { id } }", Map.of("id", id)).body("data.speaker", nullValue());
        assertEquals(id + " 503", callsFor(id).get(0));
        // topics-service still has the speaker's quotes: a query through the gateway may resolve their speaker
        GraphQL.ok(ENTITY, representation(id)).body("data._entities[0].name", equalTo("Deleted while topics-service fails"));

        // the scheduled retry (every second in tests) may run beside the first call: wait for the acknowledgement
        await(() -> callsFor(id).contains(id + " 204"), "a retry acknowledged for " + id);
        assertEquals(List.of(id + " 503", id + " 503"), callsFor(id).subList(0, 2));
        await(() -> tombstones.findById(id).await().indefinitely() == null, "tombstone of " + id + " removed");

        // topics-service answers again: the next deletion's clean-up runs at once and says so
        String next = create("Deleted once topics-service is back");
        GraphQL.ok(DELETE, Map.of("id", next)).body("data.deleteSpeaker.topicsCleanup", equalTo("DONE"));
        assertEquals(List.of(next + " 204"), callsFor(next));
    }

    private static Map<String, Object> representation(String id) {
        return Map.of("reps", List.of(Map.of("__typename", "Speaker", "id", id)));
    }

    private static String create(String name) {
        return GraphQL.ok(CREATE, Map.of("name", name)).extract().path("data.createSpeaker.id");
    }

    private List<String> callsFor(String id) {
        List<String> all = given().get(topicsServiceUrl + "/calls").then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(call -> call.startsWith(id + " ")).toList();
    }

    /** Polls until the condition holds; the retry job runs every second in tests. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
