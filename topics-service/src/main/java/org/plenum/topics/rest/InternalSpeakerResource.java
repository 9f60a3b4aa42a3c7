package org.plenum.topics.rest;

import io.smallrye.graphql.api.federation.requiresscopes.RequiresScopes;
import io.smallrye.graphql.api.federation.requiresscopes.ScopeGroup;
import io.smallrye.graphql.api.federation.requiresscopes.ScopeItem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.plenum.subgraph.protection.RunsToCompletion;
import org.plenum.subgraph.protection.security.MissingScopeException;
import org.plenum.subgraph.protection.security.NotAuthenticatedException;
import org.plenum.subgraph.protection.security.ScopesChecked;
import org.plenum.topics.service.QuoteService;

/**
 * Called by speakers-service after it deleted a speaker (and retried until it gets 204): removes that
 * speaker's quotes so no topic points at a speaker that no longer exists. Not part of the public graph: only
 * speakers-service's service token (scope {@value #CLEANUP_SCOPE}) may call it; others get 401/403 and nothing is
 * deleted.
 */
@Path("/internal/speakers")
@ScopesChecked
@RunsToCompletion
public class InternalSpeakerResource {

    public static final String CLEANUP_SCOPE = "topics:speaker-cleanup";

    private final QuoteService quotes;

    public InternalSpeakerResource(QuoteService quotes) {
        this.quotes = quotes;
    }

    @DELETE
    @Path("/{id}")
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(CLEANUP_SCOPE)))
    public Uni<Response> speakerDeleted(@PathParam("id") String speakerId) {
        return quotes.deleteBySpeaker(speakerId).map(deleted -> Response.noContent().build());
    }

    @ServerExceptionMapper
    Response unauthenticated(NotAuthenticatedException refused) {
        return Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                .entity(refused.getMessage()).build();
    }

    @ServerExceptionMapper
    Response forbidden(MissingScopeException refused) {
        return Response.status(Response.Status.FORBIDDEN).entity(refused.getMessage()).build();
    }
}
