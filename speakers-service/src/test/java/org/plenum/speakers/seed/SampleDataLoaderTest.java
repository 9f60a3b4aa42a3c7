package org.plenum.speakers.seed;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.plenum.speakers.Speaker;
import org.plenum.speakers.repository.SpeakerRepository;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.TestEnvironment;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SampleDataLoaderTest {

    static final String GET = "query($id: ID!) { speaker(id: $id) { id name role organization country bio } }";

    @Inject
    SampleDataLoader loader;

    @Inject
    SpeakerRepository speakers;

    @Test
    void interviewSpeakersAreLoadedWithStableIds() {
        GraphQL.ok(GET, Map.of("id", "khalil-hashmi"))
                .body("data.speaker.name", equalTo("Khalil Hashmi"))
                .body("data.speaker.role", equalTo("Ambassador of Pakistan to China"))
                .body("data.speaker.country", equalTo("Pakistan"));
        GraphQL.ok(GET, Map.of("id", "lin-nan"))
                .body("data.speaker.name", equalTo("Lin Nan"))
                .body("data.speaker.role", equalTo("Reporter"))
                .body("data.speaker.organization", equalTo("CGTN"))
                .body("data.speaker.country", equalTo("China"));
    }

    @Test
    void loadingAgainNeitherDuplicatesNorOverwritesNorRestoresDeletedSamples() {
        Speaker linNan = speakers.findById("lin-nan").await().indefinitely();
        Speaker khalil = speakers.findById("khalil-hashmi").await().indefinitely();
        try {
            GraphQL.ok("mutation { updateSpeaker(id: \"lin-nan\", input: { name: \"Lin Nan\", bio: \"Edited by a user\" }) { id } }");
            GraphQL.ok("mutation { deleteSpeaker(id: \"khalil-hashmi\") { deleted } }");

            assertEquals(0, loader.loadOnce().await().indefinitely());

            GraphQL.ok(GET, Map.of("id", "lin-nan")).body("data.speaker.bio", equalTo("Edited by a user"));
            GraphQL.ok(GET, Map.of("id", "khalil-hashmi")).body("data.speaker", nullValue());
        } finally {
            speakers.persistOrUpdate(linNan, khalil).await().indefinitely();
        }
    }
}
