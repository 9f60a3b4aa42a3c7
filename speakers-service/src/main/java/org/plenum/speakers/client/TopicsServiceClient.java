package org.plenum.speakers.client;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.plenum.speakers.config.SpeakersConfig;

/**
 * topics-service's internal API; base URL {@code plenum.topics-service.url}. Calls carry the service token
 * {@code plenum.topics-service.token}, the credential only speakers-service holds.
 */
@RegisterRestClient(configKey = "topics-service")
@Path("/internal/speakers")
@ClientHeaderParam(name = "Authorization", value = "{serviceAuthorization}", required = false)
public interface TopicsServiceClient {

    /** Removes the speaker's quotes and their topic links; idempotent, answers 204. */
    @DELETE
    @Path("/{speakerId}")
    @Timeout(5000)
    Uni<Void> deleteSpeakerData(@PathParam("speakerId") String speakerId);

    /** {@code Bearer <service token>}, or no header when none is configured (topics-service then refuses). */
    default String serviceAuthorization() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(SpeakersConfig.class)
                .topicsService().token().map(token -> "Bearer " + token).orElse(null);
    }
}
