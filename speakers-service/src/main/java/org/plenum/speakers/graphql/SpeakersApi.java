package org.plenum.speakers.graphql;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.graphql.api.federation.requiresscopes.RequiresScopes;
import io.smallrye.graphql.api.federation.requiresscopes.ScopeGroup;
import io.smallrye.graphql.api.federation.requiresscopes.ScopeItem;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.plenum.speakers.Speaker;
import org.plenum.speakers.model.SpeakerConnection;
import org.plenum.speakers.model.SpeakerDeletion;
import org.plenum.speakers.model.SpeakerFilter;
import org.plenum.speakers.model.SpeakerInput;
import org.plenum.speakers.service.SpeakerService;
import org.plenum.subgraph.protection.RunsToCompletion;
import org.plenum.subgraph.protection.errors.ReportsFailures;
import org.plenum.subgraph.protection.graphql.ListSize;
import org.plenum.subgraph.protection.security.ScopesChecked;

import java.util.List;

/**
 * The speakers subgraph: Federation 2 schema, queries, mutations and the batched entity resolver. Reads are public;
 * writes need the scope {@value #WRITE_SCOPE}, published as {@code @requiresScopes} and checked here too.
 */
@GraphQLApi
@ReportsFailures
@RunsToCompletion
@ScopesChecked
@Link(url = SpeakersApi.FEDERATION_2_9, _import = { @Import(name = "@key"), @Import(name = "@shareable"),
        @Import(name = "@listSize"), @Import(name = "@requiresScopes"), @Import(name = "Scope") })
public class SpeakersApi {

    /** 2.9 for @listSize (demand control); SmallRye's latest known version is 2.7. */
    static final String FEDERATION_2_9 = "https://specs.apollo.dev/federation/v2.9";
    public static final String WRITE_SCOPE = "speakers:write";

    private final SpeakerService service;

    public SpeakersApi(SpeakerService service) {
        this.service = service;
    }

    @Query
    @Description("The speaker with this id, or null if there is none")
    public Uni<Speaker> speaker(@NonNull @Id String id) {
        return service.findById(id);
    }

    @Query
    @NonNull
    @Description("Speakers in a stable order; first: 0..100, after: an endCursor or cursor of an earlier page")
    @ListSize(slicingArguments = "first", sizedFields = "edges")
    public Uni<SpeakerConnection> speakers(@DefaultValue("20") Integer first, String after, SpeakerFilter filter) {
        return service.page(first, after, filter);
    }

    /** A field of its own, so that the speakers are counted only when a client asks for the count. */
    @NonNull
    @Description("The number of speakers matching the filter, on all pages")
    public Uni<Integer> totalCount(@Source SpeakerConnection connection) {
        return service.count(connection);
    }

    @Mutation
    @NonNull
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(WRITE_SCOPE)))
    @Description("Creates a speaker. With an idempotencyKey (1 to 100 of A-Z a-z 0-9 . _ : -, e.g. a UUID), a retry "
            + "with the same key and input returns the speaker the first request created instead of creating another; "
            + "the same key with other input is refused (IDEMPOTENCY_KEY_REUSED). Keys are kept for a day.")
    public Uni<Speaker> createSpeaker(@NonNull SpeakerInput input, String idempotencyKey) {
        return service.create(input, idempotencyKey);
    }

    @Mutation
    @NonNull
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(WRITE_SCOPE)))
    @Description("Replaces all fields of the speaker; NOT_FOUND if there is none with this id")
    public Uni<Speaker> updateSpeaker(@NonNull @Id String id, @NonNull SpeakerInput input) {
        return service.update(id, input);
    }

    @Mutation
    @NonNull
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(WRITE_SCOPE)))
    @Description("Deletes the speaker here and their quotes in topics-service; NOT_FOUND if there is none. "
            + "topicsCleanup says whether topics-service has removed the quotes yet (PENDING: it is told again later).")
    public Uni<SpeakerDeletion> deleteSpeaker(@NonNull @Id String id) {
        return service.delete(id);
    }

    /** Federation entity lookup: one database query for all representations of a request. */
    @Resolver
    public Uni<List<Speaker>> speakersByIds(List<String> id) {
        return service.findAllInOrder(id);
    }
}
