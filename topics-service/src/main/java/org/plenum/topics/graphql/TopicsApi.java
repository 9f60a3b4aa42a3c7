package org.plenum.topics.graphql;

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
import org.plenum.subgraph.protection.RunsToCompletion;
import org.plenum.subgraph.protection.errors.ReportsFailures;
import org.plenum.subgraph.protection.graphql.ListSize;
import org.plenum.subgraph.protection.security.ScopesChecked;
import org.plenum.topics.model.QuoteInput;
import org.plenum.topics.model.QuoteNode;
import org.plenum.topics.model.TopicConnection;
import org.plenum.topics.model.TopicFilter;
import org.plenum.topics.model.TopicInput;
import org.plenum.topics.model.TopicNode;
import org.plenum.topics.service.QuoteService;
import org.plenum.topics.service.TopicService;

/**
 * The root fields of the topics subgraph; it links Federation 2 for the whole schema. Reads are public; writes need
 * the scope {@value #WRITE_SCOPE}, published as {@code @requiresScopes} and checked here too.
 */
@GraphQLApi
@ReportsFailures
@RunsToCompletion
@ScopesChecked
@Link(url = TopicsApi.FEDERATION_2_9, _import = {
        @Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "FieldSet"), @Import(name = "@listSize"),
        @Import(name = "@requiresScopes"), @Import(name = "Scope") })
public class TopicsApi {

    private static final String IDEMPOTENCY = "With an idempotencyKey (1 to 100 of A-Z a-z 0-9 . _ : -, e.g. a UUID), a "
            + "retry with the same key and input returns what the first request created instead of creating it again; "
            + "the same key with other input is refused (IDEMPOTENCY_KEY_REUSED). Keys are kept for a day.";

    /** 2.9 for @listSize (demand control); SmallRye's latest known version is 2.7. */
    static final String FEDERATION_2_9 = "https://specs.apollo.dev/federation/v2.9";
    public static final String WRITE_SCOPE = "topics:write";

    private final TopicService topics;
    private final QuoteService quotes;

    public TopicsApi(TopicService topics, QuoteService quotes) {
        this.topics = topics;
        this.quotes = quotes;
    }

    @Query
    @Description("The topic with this id, or null")
    public Uni<TopicNode> topic(@Id @NonNull String id) {
        return topics.findById(id).map(TopicNode::of);
    }

    @Query
    @NonNull
    @Description("Topics in a stable order; first: 0 to 100")
    @ListSize(slicingArguments = "first", sizedFields = "edges")
    public Uni<TopicConnection> topics(@DefaultValue("20") Integer first, String after, TopicFilter filter) {
        return topics.list(first, after, filter).map(TopicConnection::of);
    }

    /** A field of its own, so that the topics are counted only when a client asks for the count. */
    @NonNull
    @Description("The number of topics matching the filter, on all pages")
    public Uni<Integer> totalCount(@Source TopicConnection connection) {
        return topics.count(connection);
    }

    @Query
    @Description("The quote with this id, or null")
    public Uni<QuoteNode> quote(@Id @NonNull String id) {
        return quotes.findById(id).map(QuoteNode::of);
    }

    @Mutation
    @NonNull
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(WRITE_SCOPE)))
    @Description("Creates a topic. " + IDEMPOTENCY)
    public Uni<TopicNode> createTopic(@NonNull TopicInput input, String idempotencyKey) {
        return topics.create(input, idempotencyKey).map(TopicNode::of);
    }

    @Mutation
    @NonNull
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(WRITE_SCOPE)))
    @Description("Replaces the topic's title, summary and keywords")
    public Uni<TopicNode> updateTopic(@Id @NonNull String id, @NonNull TopicInput input) {
        return topics.update(id, input).map(TopicNode::of);
    }

    @Mutation
    @NonNull
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(WRITE_SCOPE)))
    @Description("Deletes the topic; its quotes lose it, and quotes left with no topic are deleted too")
    public Uni<Boolean> deleteTopic(@Id @NonNull String id) {
        return topics.delete(id);
    }

    @Mutation
    @NonNull
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(WRITE_SCOPE)))
    @Description("Adds a quote of an existing speaker (checked with speakers-service) on existing topics. " + IDEMPOTENCY)
    public Uni<QuoteNode> addQuote(@NonNull QuoteInput input, String idempotencyKey) {
        return quotes.add(input, idempotencyKey).map(QuoteNode::of);
    }

    @Mutation
    @NonNull
    @RequiresScopes(scopes = @ScopeGroup(@ScopeItem(WRITE_SCOPE)))
    public Uni<Boolean> deleteQuote(@Id @NonNull String id) {
        return quotes.delete(id);
    }
}
