package org.plenum.speakers.graphql;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.TestEnvironment;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client that retries createSpeaker with its idempotency key gets the first speaker, never a second one. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class IdempotentCreateSpeakerTest {

    private static final String CREATE = """
            mutation($input: SpeakerInput!, $key: String) { createSpeaker(input: $input, idempotencyKey: $key) { id } }""";
    private static final String COUNT = "query($search: String) { speakers(filter: { search: $search }) { totalCount } }";

    @Test
    void retriesIncludingConcurrentOnesCreateOneSpeaker() {
        Map<String, Object> variables = Map.of("input", Map.of("name", "Retried Ravi"), "key", UUID.randomUUID().toString());

        Set<String> ids = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> GraphQL.ok(CREATE, variables).extract().<String>path("data.createSpeaker.id")))
                .toList().stream().map(CompletableFuture::join).collect(Collectors.toSet());
        String again = GraphQL.ok(CREATE, variables).extract().path("data.createSpeaker.id");

        assertEquals(Set.of(again), ids);
        GraphQL.ok(COUNT, Map.of("search", "Retried Ravi")).body("data.speakers.totalCount", equalTo(1));
    }

    @Test
    void theSameKeyWithOtherInputIsRefusedAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        GraphQL.ok(CREATE, Map.of("input", Map.of("name", "Keyed Kim"), "key", key));

        GraphQL.error(CREATE, Map.of("input", Map.of("name", "Other Olga"), "key", key), "IDEMPOTENCY_KEY_REUSED",
                "createSpeaker");
        GraphQL.ok(COUNT, Map.of("search", "Other Olga")).body("data.speakers.totalCount", equalTo(0));
    }

    @Test
    void aMalformedKeyIsRefused() {
        GraphQL.error(CREATE, Map.of("input", Map.of("name", "Never Nia"), "key", "with spaces"), "BAD_USER_INPUT",
                "createSpeaker");
    }
}
