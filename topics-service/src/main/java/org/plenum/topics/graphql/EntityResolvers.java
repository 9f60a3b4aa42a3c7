package org.plenum.topics.graphql;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.plenum.subgraph.protection.RunsToCompletion;
import org.plenum.subgraph.protection.errors.ReportsFailures;
import org.plenum.topics.model.QuoteNode;
import org.plenum.topics.model.SpeakerNode;
import org.plenum.topics.model.TopicNode;
import org.plenum.topics.service.QuoteService;
import org.plenum.topics.service.TopicService;

import java.util.List;

/**
 * Federation entity lookups ({@code _entities}): one call per type with all representations' ids, answered in
 * the same order with null for unknown ids, at most one database query each.
 */
@GraphQLApi
@ReportsFailures
@RunsToCompletion
public class EntityResolvers {

    private final TopicService topics;
    private final QuoteService quotes;

    public EntityResolvers(TopicService topics, QuoteService quotes) {
        this.topics = topics;
        this.quotes = quotes;
    }

    @Resolver
    public Uni<List<TopicNode>> topicsById(List<String> id) {
        return topics.findByIds(id).map(found -> found.stream().map(TopicNode::of).toList());
    }

    @Resolver
    public Uni<List<QuoteNode>> quotesById(List<String> id) {
        return quotes.findByIds(id).map(found -> found.stream().map(QuoteNode::of).toList());
    }

    /** Any speaker id is a valid reference here: speakers-service owns speakers, this subgraph adds fields. */
    @Resolver
    public Uni<List<SpeakerNode>> speakersById(List<String> id) {
        return Uni.createFrom().item(id.stream().map(SpeakerNode::new).toList());
    }
}
