package org.plenum.topics.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** Asks speakers-service (the owner of speakers) whether a speaker exists, over its GraphQL API. */
@ApplicationScoped
public class SpeakerDirectory {

    private static final String SPEAKER_QUERY = "query($id: ID!){ speaker(id: $id){ id } }";

    private final WebClient client;
    private final String graphqlUrl;

    public SpeakerDirectory(Vertx vertx,
            @ConfigProperty(name = "plenum.speakers-service.url", defaultValue = "http://localhost:8082") String url) {
        this.client = WebClient.create(vertx);
        this.graphqlUrl = url.replaceAll("/+$", "") + "/graphql";
    }

    public String graphqlUrl() {
        return graphqlUrl;
    }

    /**
     * Whether speakers-service knows the speaker. Fails (so the caller can report the service as unavailable)
     * when it cannot be reached, does not answer within the timeout or answers with an error.
     */
    @Timeout(3000)
    public Uni<Boolean> exists(String speakerId) {
        JsonObject request = new JsonObject()
                .put("query", SPEAKER_QUERY)
                .put("variables", new JsonObject().put("id", speakerId));
        return client.postAbs(graphqlUrl).sendJsonObject(request).map(SpeakerDirectory::speakerFound);
    }

    private static boolean speakerFound(HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP status " + response.statusCode());
        }
        JsonObject body = response.bodyAsJsonObject();
        if (body.getJsonArray("errors") != null && !body.getJsonArray("errors").isEmpty()) {
            throw new IllegalStateException("GraphQL errors " + body.getJsonArray("errors").encode());
        }
        JsonObject data = body.getJsonObject("data");
        return data != null && data.getValue("speaker") != null;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
