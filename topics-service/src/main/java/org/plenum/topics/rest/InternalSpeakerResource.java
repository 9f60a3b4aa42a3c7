package org.plenum.topics.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.plenum.topics.service.QuoteService;

/**
 * Called by speakers-service after it deleted a speaker (and retried until it gets 204): removes that
 * speaker's quotes so no topic points at a speaker that no longer exists. Not part of the public graph.
 */
@Path("/internal/speakers")
public class InternalSpeakerResource {

    private final QuoteService quotes;

    public InternalSpeakerResource(QuoteService quotes) {
        this.quotes = quotes;
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> speakerDeleted(@PathParam("id") String speakerId) {
        return quotes.deleteBySpeaker(speakerId).map(deleted -> Response.noContent().build());
    }
}
