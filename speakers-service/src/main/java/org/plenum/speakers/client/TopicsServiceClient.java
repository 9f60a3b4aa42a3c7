package org.plenum.speakers.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** topics-service's internal API; base URL {@code plenum.topics-service.url}. */
@RegisterRestClient(configKey = "topics-service")
@Path("/internal/speakers")
public interface TopicsServiceClient {

    /** Removes the speaker's quotes and their topic links; idempotent, answers 204. */
    @DELETE
    @Path("/{speakerId}")
    @Timeout(5000)
    Uni<Void> deleteSpeakerData(@PathParam("speakerId") String speakerId);
}
