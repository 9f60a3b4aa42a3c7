package org.plenum.topics.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * speakers-service's GraphQL API, asked whether a speaker exists; base URL {@code plenum.speakers-service.url}. The
 * query is public, so no credentials are sent.
 */
@RegisterRestClient(configKey = "speakers-service")
@Path("/graphql")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SpeakersServiceClient {

    /** Fails when speakers-service cannot be reached, answers with an HTTP error or not within the timeout. */
    @POST
    @Timeout(3000)
    Uni<SpeakerAnswer> speaker(SpeakerQuery query);

    record SpeakerQuery(String query, Map<String, String> variables) {

        public static SpeakerQuery byId(String speakerId) {
            return new SpeakerQuery("query($id: ID!){ speaker(id: $id){ id } }", Map.of("id", speakerId));
        }
    }

    record SpeakerAnswer(Data data, List<Object> errors) {

        public record Data(Map<String, Object> speaker) {
        }

        /** Whether speakers-service knows the speaker; an answer with GraphQL errors says nothing, so it fails. */
        public boolean found() {
            if (errors != null && !errors.isEmpty()) {
                throw new IllegalStateException("GraphQL errors " + errors);
            }
            return data != null && data.speaker() != null;
        }
    }
}
